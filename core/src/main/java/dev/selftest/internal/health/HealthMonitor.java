package dev.selftest.internal.health;

import dev.selftest.health.Health;
import dev.selftest.health.HealthCheckOptions;
import dev.selftest.health.HealthCheckResult;
import dev.selftest.health.HealthKind;
import dev.selftest.health.HealthReport;
import dev.selftest.internal.config.MonitoringSettings;
import dev.selftest.internal.threads.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;

/**
 * Keeps every registered check fresh in the background and answers {@link Health} from the results. One timer
 * thread refreshes all checks every {@code selftest.health.ttl}; each call runs on a caller thread of its own
 * (at most one per check, so a hung check never starves the others), in parallel with the rest.
 */
public final class HealthMonitor implements Health, AutoCloseable {

    /** A check as registered on the builder. */
    public record Registration(HealthKind kind, HealthCheck check, HealthCheckOptions options) {
        public Registration {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(options, "options");
        }
    }

    private final List<MonitoredCheck> checks;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    private final ExecutorService callers;

    public HealthMonitor(List<Registration> registrations, MonitoringSettings settings, Clock clock) {
        this.ttl = settings.healthTtl();
        this.checks = registrations.stream().map(registration -> new MonitoredCheck(registration.kind(),
                registration.check(), policy(registration.options(), settings), clock)).toList();
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.numbered("selftest-health-timer"));
        this.callers = Executors.newCachedThreadPool(DaemonThreads.numbered("selftest-health-check"));
    }

    /**
     * Calls every check now, then again every {@code selftest.health.ttl}, on the timer thread, which first makes
     * {@code HealthCheckResponse.named(..)} work when no MicroProfile Health implementation is on the classpath.
     */
    public void start() {
        if (!checks.isEmpty()) {
            timer.execute(FallbackResponseProvider::installIfMissing);
            timer.scheduleAtFixedRate(this::refreshAll, 0, ttl.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void refreshAll() {
        for (MonitoredCheck check : checks) {
            check.refresh(callers, timer);
        }
    }

    @Override
    public HealthReport report(HealthKind kind) {
        return HealthReport.of(checks.stream().filter(check -> check.kind() == kind)
                .map(MonitoredCheck::reported).toList());
    }

    @Override
    public HealthReport report() {
        List<HealthCheckResult> all = checks.stream().map(MonitoredCheck::reported).toList();
        return HealthReport.of(all);
    }

    @Override
    public Duration maxAge() {
        return ttl;
    }

    /** Stops refreshing and interrupts running calls. */
    @Override
    public void close() {
        timer.shutdownNow();
        callers.shutdownNow();
    }

    private static MonitoredCheck.CheckPolicy policy(HealthCheckOptions options, MonitoringSettings settings) {
        return new MonitoredCheck.CheckPolicy(options.name(),
                options.timeout() != null ? options.timeout() : settings.healthTimeout(),
                options.failureAttempts() != null ? options.failureAttempts() : settings.failureAttempts(),
                options.successAttempts() != null ? options.successAttempts() : settings.successAttempts());
    }
}
