package dev.selftest.health;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.jspecify.annotations.Nullable;

/**
 * What one check reports now, after hysteresis.
 *
 * @param name      the check's name
 * @param status    the reported status
 * @param data      the data of its latest result (for a check that threw, {@code rootCause}; for one that timed
 *                  out, {@code reason}); values are strings, numbers or booleans
 * @param checkedAt when its latest result arrived; null while the first call is still pending
 * @param threw     true when its latest result was an exception rather than an answer
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HealthCheckResult(String name, Status status, Map<String, Object> data, @Nullable Instant checkedAt,
                                boolean threw) {
    public HealthCheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        data = Map.copyOf(data);
    }

    public boolean isUp() {
        return status == Status.UP;
    }

    /** The same result without its data, for callers not allowed to see details. */
    public HealthCheckResult withoutData() {
        return new HealthCheckResult(name, status, Map.of(), checkedAt, threw);
    }
}
