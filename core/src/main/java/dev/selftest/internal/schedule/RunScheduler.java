package dev.selftest.internal.schedule;

import dev.selftest.Run;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.RunStatus;
import dev.selftest.Trigger;
import dev.selftest.internal.config.Durations;
import dev.selftest.internal.run.RunEngine;
import dev.selftest.internal.threads.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a selection with trigger {@code schedule} again and again: the next run starts {@code interval} plus a
 * random jitter after the previous one <em>finished</em>, on one thread, so runs never overlap. A run that is
 * refused (too many runs) or ends badly is logged and the schedule goes on; {@link #close} stops it.
 */
public final class RunScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunScheduler.class);
    private static final Duration POLL = Duration.ofSeconds(30);

    private final RunEngine engine;
    private final Supplier<List<String>> scenarioIds;
    private final Duration interval;
    private final Duration jitter;
    private final Duration shutdownGrace;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("selftest-schedule"));
    private volatile boolean closed;

    /**
     * @param scenarioIds the ids to run, asked before each run (scenarios may arrive after start-up); it throws
     *                    {@link RunRejectedException} to skip a run
     */
    public RunScheduler(RunEngine engine, Supplier<List<String>> scenarioIds, Duration interval, Duration jitter,
                        Duration shutdownGrace) {
        this.engine = engine;
        this.scenarioIds = scenarioIds;
        this.interval = interval;
        this.jitter = jitter;
        this.shutdownGrace = shutdownGrace;
    }

    /** Schedules the first run after {@code initialDelay} (plus jitter). */
    public void start(Duration initialDelay) {
        LOG.info("Scheduled runs every {} (jitter up to {})", Durations.format(interval), Durations.format(jitter));
        scheduleNext(initialDelay);
    }

    private void scheduleNext(Duration delay) {
        if (closed) {
            return;
        }
        long jitterNanos = jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toNanos() + 1);
        try {
            thread.schedule(this::runOnce, delay.toNanos() + jitterNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // closed meanwhile
        }
    }

    private void runOnce() {
        try {
            Run run = engine.start(RunRequest.builder().scenarios(scenarioIds.get()).trigger(Trigger.SCHEDULE)
                    .build());
            while (run.status() == RunStatus.RUNNING && !closed) {
                run = engine.await(run.id(), POLL).orElseThrow();
            }
        } catch (RunRejectedException e) {
            LOG.warn("Scheduled run skipped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException | Error e) {
            LOG.error("Scheduled run failed unexpectedly; the schedule goes on", e);
        } finally {
            scheduleNext(interval);
        }
    }

    /** Stops scheduling; a scheduled run in progress is left to the engine, which cancels it on close. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The scheduler did not stop within {}", Durations.format(shutdownGrace));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
