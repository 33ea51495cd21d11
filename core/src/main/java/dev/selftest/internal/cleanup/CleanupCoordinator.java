package dev.selftest.internal.cleanup;

import dev.selftest.SweepContext;
import dev.selftest.SweepResult;
import dev.selftest.Sweeper;
import dev.selftest.cleanup.CleanupReport;
import dev.selftest.internal.threads.DaemonThreads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that removes test data outside a scenario: replaying the durable journal (at start-up and on
 * every retry interval) and the sweepers (on every sweep interval), in the background on one daemon thread,
 * plus {@link #cleanUp()} for {@code POST /selftest/cleanup}.
 */
public final class CleanupCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CleanupCoordinator.class);

    private final Optional<DurableCleanup> durable;
    private final List<Sweeper> sweepers;
    private final Supplier<Set<String>> runningRunIds;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("selftest-cleanup"));

    public CleanupCoordinator(Optional<DurableCleanup> durable, List<Sweeper> sweepers,
                              Supplier<Set<String>> runningRunIds) {
        this.durable = durable;
        this.sweepers = List.copyOf(sweepers);
        this.runningRunIds = runningRunIds;
    }

    /** Replays the journal now, then retries and sweeps on their intervals. */
    public void start(Duration retryInterval, Duration sweepInterval) {
        durable.ifPresent(journal -> {
            background.execute(() -> replay(journal, true));
            background.scheduleWithFixedDelay(() -> replay(journal, false), retryInterval.toMillis(),
                    retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        });
        if (!sweepers.isEmpty()) {
            background.scheduleWithFixedDelay(this::sweep, sweepInterval.toMillis(), sweepInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Replays every pending journal entry and runs every sweeper, now. Never throws. */
    public synchronized CleanupReport cleanUp() {
        int removed = durable.map(journal -> replay(journal, true)).orElse(0);
        List<SweepResult> swept = sweep();
        return new CleanupReport(removed, durable.map(DurableCleanup::pending).orElse(List.of()), swept);
    }

    private int replay(DurableCleanup journal, boolean force) {
        try {
            return journal.replay(force, runningRunIds);
        } catch (RuntimeException e) {
            LOG.error("Replaying the cleanup journal failed; will retry", e);
            return 0;
        }
    }

    private List<SweepResult> sweep() {
        SweepContext context = new SweepContext(runningRunIds);
        List<SweepResult> results = new ArrayList<>(sweepers.size());
        for (Sweeper sweeper : sweepers) {
            try {
                int removed = sweeper.sweep(context);
                if (removed > 0) {
                    LOG.info("Sweeper {} removed {} leftovers", sweeper.name(), removed);
                }
                results.add(new SweepResult(sweeper.name(), removed, null));
            } catch (Exception | LinkageError e) {
                LOG.warn("Sweeper {} failed", sweeper.name(), e);
                results.add(new SweepResult(sweeper.name(), 0, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        return results;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
