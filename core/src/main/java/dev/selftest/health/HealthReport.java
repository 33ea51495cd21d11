package dev.selftest.health;

import java.util.List;
import org.apiguardian.api.API;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * The overall status of a set of checks (UP only when every check is UP) and each check's result, as served in
 * the MicroProfile Health JSON format.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record HealthReport(Status status, List<HealthCheckResult> checks) {
    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** The logical conjunction of {@code checks}; UP when there are none. */
    public static HealthReport of(List<HealthCheckResult> checks) {
        boolean up = checks.stream().allMatch(HealthCheckResult::isUp);
        return new HealthReport(up ? Status.UP : Status.DOWN, checks);
    }

    public boolean isUp() {
        return status == Status.UP;
    }

    /**
     * The HTTP status of this report: 200 when UP, 503 when DOWN, and 500 when a DOWN check is DOWN because it
     * threw (the MicroProfile Health spec's "error in procedure").
     */
    public int httpStatus() {
        if (isUp()) {
            return 200;
        }
        boolean threw = checks.stream().anyMatch(check -> !check.isUp() && check.threw());
        return threw ? 500 : 503;
    }

    /** The same report without check data, for callers not allowed to see details. */
    public HealthReport withoutData() {
        return new HealthReport(status, checks.stream().map(HealthCheckResult::withoutData).toList());
    }
}
