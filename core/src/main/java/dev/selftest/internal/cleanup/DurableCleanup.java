package dev.selftest.internal.cleanup;

import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.cleanup.JournalEntry;
import dev.selftest.cleanup.PendingCleanup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks resources through the journal and removes them through their handlers. A removal that fails stays in
 * the journal and is retried with exponential backoff (from the retry interval up to an hour); it is reported
 * in every cleanup report until it succeeds, never dropped.
 */
public final class DurableCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(DurableCleanup.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final CleanupJournal journal;
    private final Map<String, CleanupHandler> handlers;
    private final Duration retryInterval;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    private record Attempts(int failures, String lastError, Instant nextAttempt) {
    }

    public DurableCleanup(CleanupJournal journal, Map<String, CleanupHandler> handlers, Duration retryInterval,
                          Clock clock) {
        this.journal = journal;
        this.handlers = Map.copyOf(handlers);
        this.retryInterval = retryInterval;
        this.clock = clock;
    }

    /**
     * Records a resource in the journal before the scenario uses it.
     *
     * @throws IllegalArgumentException when no handler is registered for the type
     */
    public JournalEntry track(String type, String resourceId, String runId, String scenarioId) {
        if (!handlers.containsKey(type)) {
            throw new IllegalArgumentException("no cleanup handler for resource type '" + type
                    + "'; register one with Selftest.builder().cleanupHandler(\"" + type + "\", ...)");
        }
        JournalEntry entry = new JournalEntry(UUID.randomUUID().toString(), type, resourceId, runId, scenarioId,
                clock.instant());
        journal.record(entry);
        return entry;
    }

    /** Removes a tracked resource now; on failure it stays pending and the exception is rethrown. */
    public void remove(JournalEntry entry) throws Exception {
        CleanupHandler handler = handlers.get(entry.type());
        try {
            if (handler == null) {
                throw new IllegalStateException("no cleanup handler for resource type '" + entry.type() + "'");
            }
            handler.remove(entry.resourceId());
        } catch (Exception e) {
            recordFailure(entry, e);
            throw e;
        }
        journal.strike(entry.entryId());
        attempts.remove(entry.entryId());
    }

    /**
     * Replays pending entries of runs that are over: all of them when {@code force}, else those whose backoff has
     * passed. Entries of runs in {@code activeRunIds} belong to scenarios still using them and are left alone.
     * The runs are asked before and after the journal is read: a run that starts and tracks meanwhile keeps its
     * resources, and one that finishes meanwhile is not cleaned up a second time.
     *
     * @return how many resources were removed
     */
    public int replay(boolean force, Supplier<Set<String>> activeRunIds) {
        Instant now = clock.instant();
        Set<String> active = new HashSet<>(activeRunIds.get());
        List<JournalEntry> entries = journal.pending();
        active.addAll(activeRunIds.get());
        int removed = 0;
        for (JournalEntry entry : entries) {
            if (active.contains(entry.runId())) {
                continue;
            }
            Attempts previous = attempts.get(entry.entryId());
            if (!force && previous != null && previous.nextAttempt().isAfter(now)) {
                continue;
            }
            try {
                remove(entry);
                removed++;
            } catch (Exception e) {
                LOG.warn("Cleanup of {} {} (run {}) failed, will retry: {}", entry.type(), entry.resourceId(),
                        entry.runId(), e.getMessage());
            }
        }
        if (removed > 0) {
            LOG.info("Removed {} tracked test resources left behind", removed);
        }
        return removed;
    }

    /** Entries not removed yet, with their failures so far. */
    public List<PendingCleanup> pending() {
        List<PendingCleanup> pending = new ArrayList<>();
        for (JournalEntry entry : journal.pending()) {
            Attempts tried = attempts.get(entry.entryId());
            pending.add(tried == null ? new PendingCleanup(entry, 0, null, entry.trackedAt())
                    : new PendingCleanup(entry, tried.failures(), tried.lastError(), tried.nextAttempt()));
        }
        return pending;
    }

    private void recordFailure(JournalEntry entry, Exception error) {
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        attempts.compute(entry.entryId(), (id, previous) -> {
            int failures = previous == null ? 1 : previous.failures() + 1;
            Duration backoff = retryInterval.multipliedBy(1L << Math.min(failures - 1, 20));
            return new Attempts(failures, message,
                    clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff));
        });
    }
}
