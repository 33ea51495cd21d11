package dev.selftest.jakarta;

import dev.selftest.Selftest;
import dev.selftest.health.HealthCheckResult;
import dev.selftest.health.HealthKind;
import dev.selftest.health.HealthReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apiguardian.api.API;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Selftest's readiness as a MicroProfile Health check named {@code selftest}, so that the runtime's own readiness
 * endpoint includes it: DOWN while a scenario watched by {@code selftest.health.readiness.scenario-tags} keeps
 * failing. It answers from the state Selftest refreshes in the background and never runs a scenario. There is no
 * liveness counterpart on purpose: a failing functional check must take the instance out of the load balancer, not
 * get it restarted.
 *
 * <p>The runtime's endpoint is public, so the data shows each of Selftest's readiness checks with its status only;
 * with {@code selftest.health.show-details=always} it shows their data too (the failing scenarios).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Readiness
@ApplicationScoped
public class SelftestReadiness implements HealthCheck {
    /** The name the check reports under. */
    public static final String NAME = "selftest";

    @Inject
    Selftest selftest;

    @Inject
    @ConfigProperty(name = "selftest.health.show-details", defaultValue = "authorized")
    String showDetails;

    @Override
    public HealthCheckResponse call() {
        HealthReport report = selftest.health().report(HealthKind.READINESS);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(report.isUp());
        boolean details = showDetails.trim().equalsIgnoreCase("always");
        for (HealthCheckResult check : report.checks()) {
            response.withData(check.name(), check.status().name());
            if (details) {
                check.data().forEach((key, value) -> withData(response, check.name() + "." + key, value));
            }
        }
        return response.build();
    }

    private static void withData(HealthCheckResponseBuilder response, String key, Object value) {
        if (value instanceof Boolean flag) {
            response.withData(key, flag);
        } else if (value instanceof Integer || value instanceof Long) {
            response.withData(key, ((Number) value).longValue());
        } else {
            response.withData(key, String.valueOf(value));
        }
    }
}
