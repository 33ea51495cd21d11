package dev.selftest.internal.health;

import dev.selftest.health.HealthCheckResult;
import dev.selftest.health.HealthKind;
import dev.selftest.internal.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registered check and what it reports. {@link #refresh} calls it on the caller executor, never more than one
 * call at a time; a call that outlives its timeout is interrupted and reported DOWN, and its late answer ignored.
 * Results go through hysteresis: an UP check reports DOWN after {@code failureAttempts} DOWN results in a row, a
 * DOWN check reports UP after {@code successAttempts} UP results in a row.
 */
final class MonitoredCheck {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoredCheck.class);

    private final HealthKind kind;
    private final HealthCheck check;
    private final CheckPolicy policy;
    private final Clock clock;
    private volatile HealthCheckResult reported;
    private String name;
    private boolean judged;
    private int streak;
    private long attempt;
    private boolean inFlight;
    private boolean callTimedOut;
    private @Nullable Thread calling;
    private long callStartedNanos;

    /** The resolved options of a check: every value known. */
    record CheckPolicy(@Nullable String name, Duration timeout, int failureAttempts, int successAttempts) {
    }

    MonitoredCheck(HealthKind kind, HealthCheck check, CheckPolicy policy, Clock clock) {
        this.kind = kind;
        this.check = check;
        this.policy = policy;
        this.clock = clock;
        this.name = policy.name() != null ? policy.name() : check.getClass().getName();
        // liveness must not restart a pod that was never checked; readiness and startup wait for a first answer
        Status pending = kind == HealthKind.LIVENESS ? Status.UP : Status.DOWN;
        this.reported = new HealthCheckResult(name, pending, Map.of("reason", "not checked yet"), null, false);
    }

    HealthKind kind() {
        return kind;
    }

    HealthCheckResult reported() {
        return reported;
    }

    /** Starts a call unless one is still running; a call past its timeout counts as another DOWN result. */
    synchronized void refresh(Executor callers, ScheduledExecutorService timer) {
        if (inFlight) {
            if (callTimedOut) {
                record(down("still running after " + Durations.format(elapsedSinceCall()) + " (timeout "
                        + Durations.format(policy.timeout()) + "); not called again until it returns"), false);
            }
            return;
        }
        long current = ++attempt;
        inFlight = true;
        callTimedOut = false;
        callStartedNanos = System.nanoTime();
        try {
            callers.execute(() -> call());
            timer.schedule(() -> timeOut(current), policy.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            inFlight = false;
        }
    }

    private void call() {
        synchronized (this) {
            calling = Thread.currentThread();
        }
        HealthCheckResponse response = null;
        Throwable error = null;
        try {
            response = check.call();
        } catch (RuntimeException | Error e) {
            error = e;
        } finally {
            synchronized (this) {
                calling = null;
                inFlight = false;
                if (!callTimedOut) {
                    if (error != null) {
                        LOG.warn("Health check {} threw", name, error);
                        record(threw(error), true);
                    } else {
                        record(answered(response), false);
                    }
                }
                Thread.interrupted(); // a timeout's interrupt must not leak into the pooled thread's next task
            }
        }
    }

    private synchronized void timeOut(long current) {
        if (current != attempt || !inFlight || callTimedOut) {
            return;
        }
        callTimedOut = true;
        if (calling != null) {
            calling.interrupt();
        }
        LOG.warn("Health check {} did not answer within {}", name, Durations.format(policy.timeout()));
        record(down("did not answer within " + Durations.format(policy.timeout())), false);
    }

    private void record(Result result, boolean threw) {
        if (result.name != null && policy.name() == null) {
            name = result.name;
        }
        Status current = reported.status();
        Status next;
        if (!judged) {
            judged = true;
            streak = 0;
            next = result.status;
        } else if (result.status == current) {
            streak = 0;
            next = current;
        } else {
            streak++;
            int needed = result.status == Status.UP ? policy.successAttempts() : policy.failureAttempts();
            next = streak >= needed ? result.status : current;
            if (next != current) {
                streak = 0;
            }
        }
        if (next != current) {
            LOG.info("Health check {} ({}) is now {}", name, kind.name().toLowerCase(Locale.ROOT), next);
        }
        reported = new HealthCheckResult(name, next, result.data, clock.instant(), threw && next == Status.DOWN);
    }

    private Duration elapsedSinceCall() {
        return Duration.ofNanos(System.nanoTime() - callStartedNanos);
    }

    private record Result(@Nullable String name, Status status, Map<String, Object> data) {
    }

    private static Result down(String reason) {
        return new Result(null, Status.DOWN, Map.of("reason", reason));
    }

    private static Result threw(Throwable error) {
        String message = error.getMessage();
        return new Result(null, Status.DOWN, Map.of("rootCause",
                error.getClass().getName() + (message == null ? "" : ": " + message)));
    }

    private static Result answered(@Nullable HealthCheckResponse response) {
        if (response == null) {
            return down("the check returned no response");
        }
        String name = response.getName() == null || response.getName().isBlank() ? null : response.getName();
        Status status = response.getStatus() == null ? Status.DOWN : response.getStatus();
        Map<String, Object> data = new LinkedHashMap<>();
        Optional<Map<String, Object>> given = response.getData();
        if (given != null) {
            given.ifPresent(values -> values.forEach((key, value) -> {
                if (key != null && value != null) {
                    data.put(key, value instanceof Number || value instanceof Boolean ? value : value.toString());
                }
            }));
        }
        return new Result(name, status, data);
    }
}
