package dev.selftest.internal.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selftest.health.HealthCheckResult;
import dev.selftest.health.HealthKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MonitoredCheckTests {
    /** Runs each call on the refreshing thread, so every refresh records its result before it returns. */
    private static final Executor INLINE = Runnable::run;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    /** What {@code HealthMonitor} does before its first check, so that checks can build responses here too. */
    @BeforeAll
    static void responsesWithoutAHealthImplementation() {
        FallbackResponseProvider.installIfMissing();
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        callers.shutdownNow();
    }

    private static HealthCheck scripted(Status... statuses) {
        Queue<Status> script = new ArrayDeque<>(List.of(statuses));
        return () -> new HealthCheckResponse("scripted", script.remove(), Optional.empty());
    }

    private MonitoredCheck check(HealthCheck check, int failureAttempts, int successAttempts) {
        return new MonitoredCheck(HealthKind.READINESS, check,
                new MonitoredCheck.CheckPolicy(null, Duration.ofSeconds(5), failureAttempts, successAttempts),
                Clock.systemUTC());
    }

    private List<Status> reportedAfterEachRefresh(MonitoredCheck check, int refreshes) {
        return IntStream.range(0, refreshes).mapToObj(i -> {
            check.refresh(INLINE, timer);
            return check.reported().status();
        }).toList();
    }

    @Test
    void firstAnswerIsTakenAsItIs() {
        MonitoredCheck check = check(scripted(Status.DOWN), 3, 3);

        assertThat(reportedAfterEachRefresh(check, 1)).containsExactly(Status.DOWN);
    }

    @Test
    void upCheckReportsDownOnlyAfterFailureAttemptsInARow() {
        MonitoredCheck check = check(scripted(Status.UP, Status.DOWN, Status.DOWN, Status.UP, Status.DOWN,
                Status.DOWN, Status.DOWN), 3, 1);

        assertThat(reportedAfterEachRefresh(check, 7)).containsExactly(Status.UP, Status.UP, Status.UP, Status.UP,
                Status.UP, Status.UP, Status.DOWN);
    }

    @Test
    void downCheckReportsUpOnlyAfterSuccessAttemptsInARow() {
        MonitoredCheck check = check(scripted(Status.DOWN, Status.UP, Status.DOWN, Status.UP, Status.UP), 1, 2);

        assertThat(reportedAfterEachRefresh(check, 5)).containsExactly(Status.DOWN, Status.DOWN, Status.DOWN,
                Status.DOWN, Status.UP);
    }

    @Test
    void withoutHysteresisEveryResultCountsAtOnce() {
        MonitoredCheck check = check(scripted(Status.UP, Status.DOWN, Status.UP), 1, 1);

        assertThat(reportedAfterEachRefresh(check, 3)).containsExactly(Status.UP, Status.DOWN, Status.UP);
    }

    @Test
    void reportKeepsTheNameAndDataOfTheLatestAnswer() {
        MonitoredCheck check = check(() -> HealthCheckResponse.named("database").up()
                .withData("url", "jdbc:h2:mem:orders").withData("connections", 4).build(), 1, 1);

        check.refresh(INLINE, timer);

        HealthCheckResult reported = check.reported();
        assertThat(reported.name()).isEqualTo("database");
        assertThat(reported.data()).containsEntry("url", "jdbc:h2:mem:orders").containsEntry("connections", 4L);
        assertThat(reported.checkedAt()).isNotNull();
    }

    @Test
    void hungCheckReportsDownAfterItsTimeoutAndIsNotCalledAgainUntilItReturns() {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        HealthCheck hung = () -> {
            calls.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
                // a check that ignores interrupts: keeps hanging
                try {
                    never.await();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
            return HealthCheckResponse.up("hung");
        };
        MonitoredCheck check = new MonitoredCheck(HealthKind.READINESS, hung,
                new MonitoredCheck.CheckPolicy("inventory", Duration.ofMillis(200), 1, 1), Clock.systemUTC());

        check.refresh(callers, timer);
        await().atMost(Duration.ofSeconds(10)).until(() -> check.reported().checkedAt() != null);

        assertThat(check.reported().status()).isEqualTo(Status.DOWN);
        assertThat(check.reported().name()).isEqualTo("inventory");
        assertThat(check.reported().data().get("reason")).isEqualTo("did not answer within 200ms");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(interrupted.get()).as("the hung call was interrupted").isEqualTo(1));

        check.refresh(callers, timer);
        check.refresh(callers, timer);
        assertThat(calls.get()).as("one hung call at a time").isEqualTo(1);
        assertThat((String) check.reported().data().get("reason")).startsWith("still running after");
        never.countDown();
    }

    @Test
    void lateAnswerAfterTheTimeoutIsIgnoredAndTheNextCallCounts() {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        HealthCheck slowOnce = () -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return HealthCheckResponse.up("slow-once");
        };
        MonitoredCheck check = new MonitoredCheck(HealthKind.READINESS, slowOnce,
                new MonitoredCheck.CheckPolicy(null, Duration.ofMillis(100), 1, 1), Clock.systemUTC());

        check.refresh(callers, timer);
        await().atMost(Duration.ofSeconds(10)).until(() -> check.reported().checkedAt() != null);
        assertThat(check.reported().status()).isEqualTo(Status.DOWN);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            check.refresh(callers, timer);
            return check.reported().status() == Status.UP;
        });
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void checkThatThrowsIsDownWithItsRootCause() {
        MonitoredCheck check = check(() -> {
            throw new IllegalStateException("pool exhausted");
        }, 1, 1);

        check.refresh(INLINE, timer);

        assertThat(check.reported().status()).isEqualTo(Status.DOWN);
        assertThat(check.reported().threw()).isTrue();
        assertThat(check.reported().data()).containsEntry("rootCause", "java.lang.IllegalStateException: pool exhausted");
    }
}
