package dev.selftest.internal.health;

import dev.selftest.Scenario;
import dev.selftest.ScenarioStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;

/**
 * Readiness derived from scenario results (opt-in with {@code selftest.health.readiness.scenario-tags}): DOWN while
 * any watched scenario has failed {@code threshold} times in a row, naming those scenarios in its data. Never used
 * for liveness: a failing functional check must not make the platform restart the instance.
 */
public final class ScenarioReadinessCheck implements HealthCheck {
    /** The name it reports under. */
    public static final String NAME = "selftest-scenarios";

    private final List<Scenario> watched;
    private final Function<String, ScenarioStats> stats;
    private final String tags;
    private final int threshold;

    public ScenarioReadinessCheck(List<Scenario> watched, Function<String, ScenarioStats> stats, String tags,
                                  int threshold) {
        this.watched = List.copyOf(watched);
        this.stats = stats;
        this.tags = tags;
        this.threshold = threshold;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tags", tags);
        data.put("threshold", threshold);
        data.put("watched", watched.size());
        List<String> failing = watched.stream().map(Scenario::id)
                .filter(id -> stats.apply(id).consecutiveFailures() >= threshold).toList();
        if (!failing.isEmpty()) {
            data.put("failing", String.join(", ", failing));
            failing.forEach(id -> data.put(id, stats.apply(id).consecutiveFailures()));
        }
        return new HealthCheckResponse(NAME, failing.isEmpty() ? Status.UP : Status.DOWN, Optional.of(data));
    }
}
