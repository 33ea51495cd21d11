package dev.selftest.health;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * The application's health as probes see it. Every method answers at once from state kept fresh in the
 * background: asking never runs a check and never waits for one.
 *
 * <pre>{@code
 * Selftest selftest = Selftest.builder()
 *         .healthCheck(HealthKind.READINESS, () -> HealthCheckResponse.named("database").status(db.isValid(1)).build())
 *         .build();
 * HealthReport ready = selftest.health().report(HealthKind.READINESS);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Health {

    /** The checks of one kind. */
    HealthReport report(HealthKind kind);

    /** Every check of every kind, as {@code GET /selftest/health} serves it. */
    HealthReport report();

    /** How long a report stays fresh: the refresh interval, sent as {@code Cache-Control: max-age}. */
    Duration maxAge();
}
