package dev.selftest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunListener;
import dev.selftest.RunStatus;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.ScenarioBody;
import dev.selftest.Selftest;
import dev.selftest.Trigger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunSchedulerTests {
    private Selftest selftest;

    @AfterEach
    void stop() {
        if (selftest != null) {
            selftest.close();
        }
    }

    private static Selftest.Builder scheduled(Duration interval) {
        return Selftest.builder()
                .schedule(interval)
                .setting("selftest.schedule.jitter", "0s")
                .setting("selftest.schedule.initial-delay", "0s");
    }

    private static Scenario smoke(String id, ScenarioBody body) {
        return Scenario.builder(id).tags("smoke").safety(Safety.READ_ONLY).body(body).build();
    }

    private List<Run> scheduledRuns() {
        return selftest.runs().stream().filter(run -> run.trigger() == Trigger.SCHEDULE).toList();
    }

    /** Counts scheduled runs running at once, and the most ever seen. */
    private static final class Overlap implements RunListener {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();

        @Override
        public void runStarted(Run run) {
            if (run.trigger() == Trigger.SCHEDULE) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
            }
        }

        @Override
        public void runFinished(Run run) {
            if (run.trigger() == Trigger.SCHEDULE) {
                running.decrementAndGet();
                finished.incrementAndGet();
            }
        }
    }

    @Test
    void scheduledRunsNeverOverlapEvenWhenARunOutlastsTheInterval() {
        Overlap overlap = new Overlap();
        selftest = scheduled(Duration.ofMillis(10))
                .setting("selftest.runner.max-concurrent-runs", "8")
                .listener(overlap)
                .scenario(smoke("slow.check", context -> Thread.sleep(150)))
                .build();

        await().atMost(Duration.ofSeconds(20)).until(() -> overlap.finished.get() >= 4);

        assertThat(overlap.most.get()).isEqualTo(1);
    }

    @Test
    void scheduleRunsTheSmokeScenariosTheEnvironmentAllowsWithTriggerSchedule() {
        selftest = scheduled(Duration.ofMillis(50))
                .environment("production")
                .scenario(smoke("catalogue.lists", context -> { }))
                .scenario(Scenario.builder("orders.purge").tags("smoke").safety(Safety.DESTRUCTIVE)
                        .body(context -> { }).build())
                .scenario(Scenario.builder("reports.monthly").tags("slow").safety(Safety.READ_ONLY)
                        .body(context -> { }).build())
                .build();

        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledRuns().size() >= 2);

        for (Run run : scheduledRuns()) {
            assertThat(run.scenarioIds()).containsExactly("catalogue.lists");
        }
    }

    @Test
    void scheduleTagsSettingChoosesTheSelection() {
        selftest = scheduled(Duration.ofMillis(50))
                .setting("selftest.schedule.tags", "slow | critical")
                .scenario(smoke("catalogue.lists", context -> { }))
                .scenario(Scenario.builder("reports.monthly").tags("slow").safety(Safety.READ_ONLY)
                        .body(context -> { }).build())
                .build();

        await().atMost(Duration.ofSeconds(10)).until(() -> !scheduledRuns().isEmpty());

        assertThat(scheduledRuns().get(0).scenarioIds()).containsExactly("reports.monthly");
    }

    @Test
    void scheduleSurvivesAScenarioThatThrowsAnError() {
        selftest = scheduled(Duration.ofMillis(20))
                .scenario(smoke("broken.check", context -> {
                    throw new StackOverflowError("deep recursion in the app");
                }))
                .build();

        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledRuns().stream()
                .filter(run -> run.status() != RunStatus.RUNNING).count() >= 3);

        assertThat(scheduledRuns().get(0).results()).extracting(result -> result.outcome())
                .allMatch(outcome -> outcome == Outcome.ERRORED);
    }

    @Test
    void closeStopsTheSchedule() throws InterruptedException {
        selftest = scheduled(Duration.ofMillis(20))
                .scenario(smoke("quick.check", context -> { }))
                .build();
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledRuns().size() >= 2);

        selftest.close();
        int afterClose = selftest.runs().size();
        Thread.sleep(200); // ten intervals

        assertThat(selftest.runs()).hasSize(afterClose);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("selftest-schedule"));
    }

    @Test
    void scheduleIsOffByDefault() throws InterruptedException {
        selftest = Selftest.builder().setting("selftest.schedule.initial-delay", "0s")
                .scenario(smoke("quick.check", context -> { })).build();

        Thread.sleep(200);

        assertThat(selftest.runs()).isEmpty();
    }
}
