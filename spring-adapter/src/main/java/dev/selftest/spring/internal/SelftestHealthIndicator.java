package dev.selftest.spring.internal;

import dev.selftest.Selftest;
import dev.selftest.health.HealthCheckResult;
import dev.selftest.health.HealthKind;
import dev.selftest.health.HealthReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One kind of Selftest's health (liveness, readiness or startup) as an Actuator health indicator. It reads the
 * report core keeps fresh in the background, so a probe never runs a check or waits for one. Each check becomes a
 * detail with its status and data; Actuator decides who sees details ({@code management.endpoint.health.show-details}).
 *
 * @param selftest the application's Selftest
 * @param kind     which of its reports
 */
public record SelftestHealthIndicator(Selftest selftest, HealthKind kind) implements HealthIndicator {

    @Override
    public Health health() {
        HealthReport report = selftest.health().report(kind);
        Health.Builder health = report.isUp() ? Health.up() : Health.down();
        for (HealthCheckResult check : report.checks()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", check.status().name());
            detail.putAll(check.data());
            health.withDetail(check.name(), detail);
        }
        return health.build();
    }

    /** The child name under the {@code selftest} contributor: {@code liveness}, {@code readiness}, {@code startup}. */
    public String name() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
