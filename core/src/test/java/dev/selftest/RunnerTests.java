package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunnerTests {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Selftest selftest;

    @AfterEach
    void close() {
        if (selftest != null) {
            selftest.close();
        }
    }

    private Run runAll(Scenario... scenarios) throws InterruptedException {
        selftest = Scenarios.selftest().scenarios(List.of(scenarios)).build();
        return selftest.run(RunRequest.all(), WAIT);
    }

    @Test
    void passingAndFailingBodiesGiveTheirOutcomes() throws Exception {
        Run run = runAll(
                Scenarios.readOnly("passes", c -> { }),
                Scenarios.readOnly("fails", c -> { throw new AssertionError("expected 3 products, found 2"); }),
                Scenarios.readOnly("errors", c -> { throw new IllegalStateException("database down"); }),
                Scenarios.readOnly("skips", c -> { throw new ScenarioSkippedException("no test account here"); }));

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.results()).extracting(ScenarioResult::outcome)
                .containsExactly(Outcome.PASSED, Outcome.FAILED, Outcome.ERRORED, Outcome.SKIPPED);
        assertThat(run.results().get(1).failure().message()).isEqualTo("expected 3 products, found 2");
        assertThat(run.results().get(2).failure().type()).isEqualTo("java.lang.IllegalStateException");
        assertThat(run.results().get(3).failure().message()).isEqualTo("no test account here");
        assertThat(run.results().get(1).failure().stackTrace()).as("stack traces only when configured").isNull();
    }

    @Test
    void aRunOfPassesAndSkipsPasses() throws Exception {
        Run run = runAll(Scenarios.readOnly("passes", c -> { }),
                Scenarios.readOnly("skips", c -> { throw new ScenarioSkippedException("n/a"); }));
        assertThat(run.status()).isEqualTo(RunStatus.PASSED);
        assertThat(run.passed()).isTrue();
    }

    @Test
    void aSlowBodyIsInterruptedAtItsTimeoutAndStillCleanedUp() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean cleaned = new AtomicBoolean();
        Run run = runAll(Scenarios.withTimeout("slow", Duration.ofMillis(300), context -> {
            context.cleanup("remove test data", () -> cleaned.set(true));
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        }));
        ScenarioResult result = run.results().get(0);
        assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(result.failure().message()).isEqualTo("did not finish within 300ms");
        assertThat(interrupted).isTrue();
        assertThat(cleaned).isTrue();
        assertThat(result.cleanup()).singleElement().satisfies(c -> assertThat(c.cleaned()).isTrue());
    }

    @Test
    void aBodyThatIgnoresInterruptsIsAbandonedReportedAndCleanedUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean cleaned = new AtomicBoolean();
        try {
            Run run = runAll(Scenarios.withTimeout("stubborn", Duration.ofMillis(200), context -> {
                context.cleanup("remove test data", () -> cleaned.set(true));
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    } catch (InterruptedException ignored) {
                        // deliberately ignores interruption
                    }
                }
            }), Scenarios.readOnly("next", c -> { }));

            ScenarioResult result = run.results().get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
            assertThat(result.failure().message()).contains("ignored the interrupt", "abandoned");
            assertThat(cleaned).isTrue();
            assertThat(run.results().get(1).outcome()).as("the next scenario still runs").isEqualTo(Outcome.PASSED);
        } finally {
            release.countDown();
        }
    }

    @Test
    void anInterruptMeantForATimedOutBodyNeverReachesTheNextBody() throws Exception {
        List<String> seenByLaterBodies = new CopyOnWriteArrayList<>();
        ScenarioBody observer = context -> seenByLaterBodies.add(Thread.currentThread().getName() + " interrupted="
                + Thread.currentThread().isInterrupted() + " context=" + ScenarioContext.current().map(ScenarioContext::scenarioId).orElse("none"));
        Run run = runAll(Scenarios.withTimeout("restores-the-interrupt", Duration.ofMillis(100), context -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // well-behaved code keeps the flag set and returns
            }
        }), Scenarios.readOnly("first", observer), Scenarios.readOnly("second", observer));

        assertThat(run.results()).extracting(ScenarioResult::outcome)
                .containsExactly(Outcome.TIMED_OUT, Outcome.PASSED, Outcome.PASSED);
        assertThat(seenByLaterBodies).hasSize(2).satisfiesExactly(
                first -> assertThat(first).startsWith("selftest-first-").endsWith("interrupted=false context=first"),
                second -> assertThat(second).startsWith("selftest-second-")
                        .endsWith("interrupted=false context=second"));
    }

    @Test
    void abandonedBodiesDoNotUseUpThePool() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try {
            selftest = Scenarios.selftest().setting("selftest.runner.pool-size", "1")
                    .scenario(Scenarios.withTimeout("stubborn", Duration.ofMillis(100), c -> {
                        while (release.getCount() > 0) {
                            try {
                                release.await();
                            } catch (InterruptedException ignored) {
                                // deliberately ignores interruption
                            }
                        }
                    }))
                    .scenario(Scenarios.readOnly("quick", c -> { }))
                    .build();
            selftest.run(RunRequest.builder().scenarios("stubborn").build(), WAIT);
            Run quick = selftest.run(RunRequest.builder().scenarios("quick").build(), WAIT);
            assertThat(quick.results()).extracting(ScenarioResult::outcome).containsExactly(Outcome.PASSED);
        } finally {
            release.countDown();
        }
    }

    @Test
    void cleanupRunsInReverseOrderEvenAfterAFailure() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        Run run = runAll(Scenarios.readOnly("creates", context -> {
            context.cleanup("first", () -> order.add("first"));
            context.cleanup("second", () -> order.add("second"));
            context.cleanup("third", () -> order.add("third"));
            throw new AssertionError("broken");
        }));
        assertThat(order).containsExactly("third", "second", "first");
        assertThat(run.results().get(0).cleanup()).extracting(CleanupResult::description)
                .containsExactly("third", "second", "first");
        assertThat(run.results().get(0).outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aFailingCleanupIsReportedAndFailsAPassingScenario() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        Run run = runAll(Scenarios.readOnly("leaks", context -> {
            context.cleanup("delete customer", () -> ran.add("customer"));
            context.cleanup("delete order", () -> { throw new IllegalStateException("row locked"); });
        }));
        ScenarioResult result = run.results().get(0);
        assertThat(ran).as("later actions still run after one fails").containsExactly("customer");
        assertThat(result.outcome()).isEqualTo(Outcome.ERRORED);
        assertThat(result.failure().message()).isEqualTo("cleanup 'delete order' failed: row locked");
        assertThat(result.cleanup()).extracting(CleanupResult::cleaned).containsExactly(false, true);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aHangingCleanupIsCutOffAtTheCleanupTimeout() throws Exception {
        Run run = runAll(Scenarios.readOnly("hangs", context ->
                context.cleanup("hang", () -> Thread.sleep(60_000))));
        CleanupResult cleanup = run.results().get(0).cleanup().get(0);
        assertThat(cleanup.cleaned()).isFalse();
        assertThat(cleanup.message()).isEqualTo("did not finish within 1s");
    }

    @Test
    void errorsSuchAsStackOverflowBecomeResults() throws Exception {
        Run run = runAll(Scenarios.readOnly("overflows", context -> recurse(0)),
                Scenarios.readOnly("after", c -> { }));
        assertThat(run.results()).extracting(ScenarioResult::outcome).containsExactly(Outcome.ERRORED, Outcome.PASSED);
        assertThat(run.results().get(0).failure().type()).isEqualTo("java.lang.StackOverflowError");
    }

    @Test
    void anOutOfMemoryErrorInABodyIsReportedAndTheRunGoesOn() throws Exception {
        Run run = runAll(Scenarios.readOnly("hungry", context -> {
            throw new OutOfMemoryError("Java heap space (simulated)");
        }), Scenarios.readOnly("after", c -> { }));
        assertThat(run.results()).extracting(ScenarioResult::outcome).containsExactly(Outcome.ERRORED, Outcome.PASSED);
        assertThat(run.results().get(0).failure().message()).isEqualTo("Java heap space (simulated)");
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void stepsAreRecordedWithTheirOutcome() throws Exception {
        Run run = runAll(Scenarios.readOnly("stepped", context -> {
            context.step("open page", () -> { });
            context.step("check title", () -> { throw new AssertionError("title was 'Oops'"); });
        }));
        assertThat(run.results().get(0).steps()).extracting(StepResult::name, StepResult::outcome, StepResult::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("open page", Outcome.PASSED, null),
                        org.assertj.core.groups.Tuple.tuple("check title", Outcome.FAILED, "title was 'Oops'"));
    }

    @Test
    void cancellingARunInterruptsTheBodyCleansUpAndSkipsTheRest() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean cleaned = new AtomicBoolean();
        selftest = Scenarios.selftest()
                .scenario(Scenarios.readOnly("long", context -> {
                    context.cleanup("remove", () -> cleaned.set(true));
                    started.countDown();
                    Thread.sleep(60_000);
                }))
                .scenario(Scenarios.readOnly("later", c -> { }))
                .build();
        Run run = selftest.start(RunRequest.all());
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(selftest.cancel(run.id())).contains(true);
        Run finished = selftest.await(run.id(), WAIT).orElseThrow();

        assertThat(finished.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(finished.results()).extracting(ScenarioResult::outcome)
                .containsExactly(Outcome.CANCELLED, Outcome.CANCELLED);
        assertThat(cleaned).isTrue();
        assertThat(selftest.cancel(run.id())).as("a finished run cannot be cancelled").contains(false);
        assertThat(selftest.cancel("20260101-000000-000000")).isEmpty();
    }

    @Test
    void runsBeyondTheCapAreRejectedWithARetryHint() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        selftest = Scenarios.selftest().setting("selftest.runner.max-concurrent-runs", "1")
                .scenario(Scenarios.readOnly("blocks", c -> release.await()))
                .scenario(Scenarios.readOnly("other", c -> { }))
                .build();
        Run first = selftest.start(RunRequest.builder().scenarios("blocks").build());
        assertThatThrownBy(() -> selftest.start(RunRequest.builder().scenarios("other").build()))
                .isInstanceOfSatisfying(RunRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.TOO_MANY_RUNS);
                    assertThat(e.retryAfter()).isPositive();
                });
        release.countDown();
        selftest.await(first.id(), WAIT);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(selftest.run(RunRequest.builder().scenarios("other").build(), WAIT).passed()).isTrue());
    }

    @Test
    void theSameScenarioNeverRunsTwiceAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        selftest = Scenarios.selftest().setting("selftest.runner.max-concurrent-runs", "4")
                .scenario(Scenarios.readOnly("exclusive", c -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(100);
                    running.decrementAndGet();
                }))
                .build();
        List<Run> runs = List.of(selftest.start(RunRequest.all()), selftest.start(RunRequest.all()),
                selftest.start(RunRequest.all()));
        for (Run run : runs) {
            assertThat(selftest.await(run.id(), WAIT).orElseThrow().passed()).isTrue();
        }
        assertThat(maxRunning).hasValue(1);
    }

    @Test
    void cleanupCannotBeRegisteredAfterTheBodyEnded() throws Exception {
        ScenarioContext[] leaked = new ScenarioContext[1];
        runAll(Scenarios.readOnly("leaks-context", context -> leaked[0] = context));
        assertThatThrownBy(() -> leaked[0].cleanup("late", () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already ended");
        assertThat(leaked[0].isCancelled()).isTrue();
    }

    @Test
    void testDataNamesCarryTheRunId() throws Exception {
        List<String> names = new CopyOnWriteArrayList<>();
        Run run = runAll(Scenarios.readOnly("names", context -> {
            names.add(context.testDataName("Customer Name"));
            names.add(context.testDataName("Customer Name"));
        }));
        assertThat(names).containsExactly("selftest-" + run.id() + "-customer-name-1",
                "selftest-" + run.id() + "-customer-name-2");
    }

    @Test
    void theContextIsReachableFromTheBodysThread() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        Run run = runAll(Scenarios.readOnly("current", context ->
                seen.add(ScenarioContext.current().orElseThrow().scenarioId())));
        assertThat(seen).containsExactly("current");
        assertThat(run.passed()).isTrue();
        assertThat(ScenarioContext.current()).isEmpty();
    }

    @Test
    void closingCancelsRunningRunsAndRunsTheirCleanup() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean cleaned = new AtomicBoolean();
        selftest = Scenarios.selftest().scenario(Scenarios.readOnly("long", context -> {
            context.cleanup("remove", () -> cleaned.set(true));
            started.countDown();
            Thread.sleep(60_000);
        })).build();
        Run run = selftest.start(RunRequest.all());
        started.await(5, TimeUnit.SECONDS);
        selftest.close();
        assertThat(cleaned).isTrue();
        assertThat(selftest.findRun(run.id()).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        assertThatThrownBy(() -> selftest.start(RunRequest.all())).isInstanceOfSatisfying(RunRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.SHUTTING_DOWN));
    }

    @Test
    void statisticsFollowRecentExecutions() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        selftest = Scenarios.selftest().scenario(Scenarios.readOnly("flaky", c -> {
            if (calls.incrementAndGet() > 2) {
                throw new AssertionError("broken");
            }
        })).build();
        for (int i = 0; i < 4; i++) {
            selftest.run(RunRequest.all(), WAIT);
        }
        ScenarioStats stats = selftest.stats("flaky");
        assertThat(stats.executions()).isEqualTo(4);
        assertThat(stats.passRate()).isEqualTo(0.5);
        assertThat(stats.consecutiveFailures()).isEqualTo(2);
        assertThat(stats.lastOutcome()).isEqualTo(Outcome.FAILED);
        assertThat(stats.lastSuccess()).isNotNull();
        assertThat(selftest.stats("never-ran").passRate()).isNull();
    }

    @Test
    void historyIsBoundedAndNewestFirst() throws Exception {
        selftest = Scenarios.selftest().setting("selftest.history.size", "3")
                .scenario(Scenarios.readOnly("quick", c -> { })).build();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(selftest.run(RunRequest.all(), WAIT).id());
        }
        assertThat(selftest.runs()).extracting(Run::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
        assertThat(selftest.findRun(ids.get(0))).isEmpty();
    }
}
