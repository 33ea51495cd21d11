package dev.selftest.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selftest.ConfigSource;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.ScenarioBody;
import dev.selftest.ScenarioResult;
import dev.selftest.Selftest;
import dev.selftest.internal.cleanup.DurableCleanup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableCleanupTests {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path journalDir;
    /** Stands in for the application's table of orders. */
    private final Set<String> orders = ConcurrentHashMap.newKeySet();

    private Selftest selftest(CleanupJournal journal, CleanupHandler handler, ScenarioBody body) {
        return selftest(journal, handler, body, "100ms");
    }

    private Selftest selftest(CleanupJournal journal, CleanupHandler handler, ScenarioBody body,
                              String retryInterval) {
        return Selftest.builder().config(ConfigSource.of(Map.of()))
                .setting("selftest.cleanup.retry-interval", retryInterval)
                .cleanupHandler("order", handler)
                .cleanupJournal(journal)
                .scenario(Scenario.builder("orders.place").safety(Safety.SELF_CLEANING).body(body).build())
                .build();
    }

    private ScenarioBody placesOrders(String... ids) {
        return context -> {
            for (String id : ids) {
                orders.add(id);
                context.track("order", id);
            }
        };
    }

    @Test
    void trackedResourcesAreRemovedAfterTheBodyAndStruckOff() throws Exception {
        CleanupJournal journal = CleanupJournal.file(journalDir);
        try (Selftest selftest = selftest(journal, orders::remove, placesOrders("1", "2"))) {
            Run run = selftest.run(RunRequest.all(), WAIT);
            assertThat(run.passed()).isTrue();
            assertThat(run.results().get(0).cleanup()).extracting(c -> c.description())
                    .containsExactly("order 2 (tracked)", "order 1 (tracked)");
        }
        assertThat(orders).isEmpty();
        assertThat(CleanupJournal.file(journalDir).pending()).isEmpty();
    }

    @Test
    void theIntentIsOnDiskBeforeTheResourceIsUsed() throws Exception {
        CleanupJournal journal = CleanupJournal.file(journalDir);
        AtomicInteger seenInAFreshJournal = new AtomicInteger();
        try (Selftest selftest = selftest(journal, orders::remove, context -> {
            context.track("order", "7");
            seenInAFreshJournal.set(CleanupJournal.file(journalDir).pending().size());
        })) {
            selftest.run(RunRequest.all(), WAIT);
        }
        assertThat(seenInAFreshJournal).as("a second reader sees the entry: it was written through").hasValue(1);
    }

    @Test
    void pendingEntriesAreReplayedWhenTheServiceStartsAgain() throws Exception {
        JournalEntry leftover = new JournalEntry("e-1", "order", "42", "20260101-000000-aaaaaa", "orders.place",
                Instant.parse("2026-01-01T00:00:00Z"));
        CleanupJournal.file(journalDir).record(leftover);
        orders.add("42");

        try (Selftest restarted = selftest(CleanupJournal.file(journalDir), orders::remove, placesOrders())) {
            await().atMost(WAIT).until(orders::isEmpty);
            assertThat(restarted.cleanUp().pending()).isEmpty();
        }
        assertThat(CleanupJournal.file(journalDir).pending()).isEmpty();
    }

    @Test
    void backgroundRetriesLeaveResourcesOfRunningScenariosAlone() throws Exception {
        try (Selftest selftest = selftest(CleanupJournal.file(journalDir), orders::remove, context -> {
            orders.add("5");
            context.track("order", "5");
            Thread.sleep(600);
            if (!orders.contains("5")) {
                throw new AssertionError("order 5 was removed while its scenario still used it");
            }
        })) {
            assertThat(selftest.run(RunRequest.all(), WAIT).passed()).isTrue();
        }
        assertThat(orders).isEmpty();
    }

    @Test
    void aReplayLeavesAloneTheResourcesOfRunsThatStartOrFinishWhileItReadsTheJournal() {
        String finishing = "20260101-000000-aaaaaa";
        String starting = "20260101-000000-bbbbbb";
        CleanupJournal file = CleanupJournal.file(journalDir);
        file.record(new JournalEntry("e-7", "order", "7", finishing, "orders.place", Instant.now()));
        Set<String> running = ConcurrentHashMap.newKeySet();
        running.add(finishing);
        CleanupJournal runsComeAndGoWhileItIsRead = new CleanupJournal() {
            @Override
            public void record(JournalEntry entry) {
                file.record(entry);
            }

            @Override
            public void strike(String entryId) {
                file.strike(entryId);
            }

            @Override
            public List<JournalEntry> pending() {
                running.add(starting);
                file.record(new JournalEntry("e-8", "order", "8", starting, "orders.place", Instant.now()));
                List<JournalEntry> read = file.pending();
                file.strike("e-7");
                running.remove(finishing);
                return read;
            }
        };
        List<String> removed = new ArrayList<>();
        DurableCleanup durable = new DurableCleanup(runsComeAndGoWhileItIsRead, Map.of("order", removed::add),
                Duration.ofSeconds(30), Clock.systemUTC());

        assertThat(durable.replay(true, () -> Set.copyOf(running))).isZero();
        assertThat(removed).as("neither the new run's order 8 nor the finished run's order 7 again").isEmpty();
    }

    @Test
    void aTornLastLineIsSkipped() throws Exception {
        CleanupJournal journal = CleanupJournal.file(journalDir);
        journal.record(new JournalEntry("e-1", "order", "1", "r", "s", Instant.now()));
        Files.writeString(journalDir.resolve("cleanup.journal"), "{\"op\":\"track\",\"entry\":\"e-2\",\"ty",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(CleanupJournal.file(journalDir).pending()).extracting(JournalEntry::entryId).containsExactly("e-1");
    }

    @Test
    void aFailingHandlerKeepsTheEntryRetriesWithBackoffAndReportsIt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CleanupHandler flaky = id -> {
            if (attempts.incrementAndGet() <= 2) {
                throw new IllegalStateException("row locked");
            }
            orders.remove(id);
        };
        try (Selftest selftest = selftest(CleanupJournal.file(journalDir), flaky, placesOrders("9"), "10m")) {
            Run run = selftest.run(RunRequest.all(), WAIT);
            ScenarioResult result = run.results().get(0);
            assertThat(result.outcome()).isEqualTo(Outcome.ERRORED);
            assertThat(result.failure().message()).isEqualTo("cleanup 'order 9 (tracked)' failed: row locked");

            CleanupReport report = selftest.cleanUp();
            assertThat(report.clean()).isFalse();
            assertThat(report.pending()).singleElement().satisfies(pending -> {
                assertThat(pending.entry().resourceId()).isEqualTo("9");
                assertThat(pending.attempts()).isEqualTo(2);
                assertThat(pending.lastError()).isEqualTo("row locked");
                assertThat(pending.nextAttempt()).isAfter(Instant.now().plusSeconds(60 * 15));
            });
            CleanupReport third = selftest.cleanUp();
            assertThat(third.removed()).isEqualTo(1);
            assertThat(third.clean()).isTrue();
            assertThat(orders).isEmpty();
        }
    }

    @Test
    void trackingAnUnknownTypeFailsTheScenarioWithTheFix() throws Exception {
        try (Selftest selftest = selftest(CleanupJournal.file(journalDir), orders::remove,
                context -> context.track("invoice", "1"))) {
            Run run = selftest.run(RunRequest.all(), WAIT);
            assertThat(run.results().get(0).failure().message())
                    .isEqualTo("no cleanup handler for resource type 'invoice'; register one with "
                            + "Selftest.builder().cleanupHandler(\"invoice\", ...)");
        }
    }

    @Test
    void theJdbcJournalKeepsEntriesInTheApplicationsDatabase() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:journal;DB_CLOSE_DELAY=-1");
        CleanupJournal journal = CleanupJournal.jdbc(database);
        journal.record(new JournalEntry("e-1", "order", "5", "r", "s", Instant.parse("2026-01-01T00:00:00Z")));
        journal.record(new JournalEntry("e-2", "order", "6", "r", "s", Instant.parse("2026-01-01T00:00:01Z")));
        journal.strike("e-1");

        assertThat(CleanupJournal.jdbc(database).pending()).extracting(JournalEntry::resourceId).containsExactly("6");
        try (Selftest selftest = selftest(CleanupJournal.jdbc(database), orders::remove, placesOrders("3"))) {
            assertThat(selftest.run(RunRequest.all(), WAIT).passed()).isTrue();
            await().atMost(WAIT).until(() -> journal.pending().isEmpty());
        }
    }
}
