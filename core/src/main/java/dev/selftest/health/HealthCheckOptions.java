package dev.selftest.health;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How one registered check is run. A component left null takes the {@code selftest.health.*} setting.
 *
 * @param name            the name reported when the check throws or times out before it ever answered; otherwise
 *                        the name of its last response is used (and, failing that, its class name)
 * @param timeout         how long one call may take before the check reports DOWN ({@code selftest.health.timeout})
 * @param failureAttempts consecutive DOWN results before an UP check reports DOWN
 *                        ({@code selftest.health.failure-attempts})
 * @param successAttempts consecutive UP results before a DOWN check reports UP again
 *                        ({@code selftest.health.success-attempts})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HealthCheckOptions(@Nullable String name, @Nullable Duration timeout, @Nullable Integer failureAttempts,
                                 @Nullable Integer successAttempts) {
    private static final HealthCheckOptions DEFAULTS = new HealthCheckOptions(null, null, null, null);

    public HealthCheckOptions {
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a health check name must not be blank");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("a health check timeout must be positive, was " + timeout);
        }
        requireAttempts(failureAttempts, "failureAttempts");
        requireAttempts(successAttempts, "successAttempts");
    }

    /** Every value from the {@code selftest.health.*} settings. */
    public static HealthCheckOptions defaults() {
        return DEFAULTS;
    }

    public HealthCheckOptions withName(String name) {
        return new HealthCheckOptions(Objects.requireNonNull(name, "name"), timeout, failureAttempts,
                successAttempts);
    }

    public HealthCheckOptions withTimeout(Duration timeout) {
        return new HealthCheckOptions(name, Objects.requireNonNull(timeout, "timeout"), failureAttempts,
                successAttempts);
    }

    public HealthCheckOptions withFailureAttempts(int failureAttempts) {
        return new HealthCheckOptions(name, timeout, failureAttempts, successAttempts);
    }

    public HealthCheckOptions withSuccessAttempts(int successAttempts) {
        return new HealthCheckOptions(name, timeout, failureAttempts, successAttempts);
    }

    private static void requireAttempts(@Nullable Integer attempts, String what) {
        if (attempts != null && (attempts < 1 || attempts > 100)) {
            throw new IllegalArgumentException(what + " must be from 1 to 100, was " + attempts);
        }
    }
}
