package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.cleanup.JournalEntry;
import dev.selftest.health.HealthKind;
import dev.selftest.kpi.SelftestMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Selftest.Builder#deferBackgroundWork()}: what waits for {@link Selftest#startBackgroundWork()}. */
class BackgroundWorkTests {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How long "nothing happened" is watched for: the schedule, the replay and the meters all start at once. */
    private static final Duration QUIET = Duration.ofMillis(500);

    @TempDir
    Path journalDirectory;
    private final Set<String> orders = ConcurrentHashMap.newKeySet();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> registered = new CopyOnWriteArrayList<>();

    BackgroundWorkTests() {
        registry.config().onMeterAdded(meter -> registered.add(meter.getId().getName()));
    }

    private Selftest.Builder deferred() throws Exception {
        CleanupJournal.file(journalDirectory).record(new JournalEntry("e-1", "order", "42",
                "20260101-000000-aaaaaa", "orders.place", Instant.parse("2026-01-01T00:00:00Z")));
        orders.add("42");
        return Selftest.builder().config(ConfigSource.of(Map.of()))
                .cleanupHandler("order", orders::remove)
                .cleanupJournal(CleanupJournal.file(journalDirectory))
                .scenario(Scenario.builder("catalogue.lists").tags("smoke").safety(Safety.READ_ONLY)
                        .body(context -> { }).build())
                .schedule(Duration.ofMillis(50))
                .setting("selftest.schedule.initial-delay", "0s")
                .meterRegistry(registry)
                .deferBackgroundWork();
    }

    @Test
    void metersReplayAndScheduleWaitForTheStartWhileHealthAnswersFromTheBeginning() throws Exception {
        try (Selftest selftest = deferred().build()) {
            await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> selftest.runs().isEmpty()
                    && orders.contains("42") && registered.isEmpty());
            assertThat(selftest.health().report(HealthKind.READINESS).isUp()).isTrue();

            selftest.startBackgroundWork();

            await().atMost(WAIT).until(() -> !orders.contains("42"));
            await().atMost(WAIT).until(() -> selftest.runs().stream()
                    .anyMatch(run -> run.trigger() == Trigger.SCHEDULE));
            assertThat(registered).contains(SelftestMeters.RUNS, SelftestMeters.SCENARIO_RUNS);
        }
    }

    @Test
    void askingForTheRegistryBeforeTheStartRegistersSelftestsSeriesButStartsNothingElse() throws Exception {
        try (Selftest selftest = deferred().build()) {
            assertThat(selftest.meterRegistry()).isSameAs(registry);

            assertThat(registered).contains(SelftestMeters.RUNS, SelftestMeters.SCENARIO_RUNS);
            await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> selftest.runs().isEmpty()
                    && orders.contains("42"));
        }
    }

    @Test
    void startingAfterCloseDoesNothing() throws Exception {
        Selftest selftest = deferred().build();
        selftest.close();

        selftest.startBackgroundWork();

        await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> orders.contains("42") && registered.isEmpty());
    }
}
