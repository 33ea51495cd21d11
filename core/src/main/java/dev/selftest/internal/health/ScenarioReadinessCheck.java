package dev.selftest.internal.health;

import dev.selftest.Scenario;
import dev.selftest.ScenarioStats;
import dev.selftest.internal.select.TagExpression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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

    private final Supplier<List<Scenario>> scenarios;
    private final Function<String, ScenarioStats> stats;
    private final String tags;
    private final TagExpression watches;
    private final int threshold;

    /**
     * @param scenarios the scenarios known at the time (discovered scenarios are watched once discovered)
     * @param tags      the tag expression that selects the watched scenarios
     */
    public ScenarioReadinessCheck(Supplier<List<Scenario>> scenarios, Function<String, ScenarioStats> stats,
                                  String tags, int threshold) {
        this.scenarios = scenarios;
        this.stats = stats;
        this.tags = tags;
        this.watches = TagExpression.parse(tags);
        this.threshold = threshold;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tags", tags);
        data.put("threshold", threshold);
        List<Scenario> watched = scenarios.get().stream().filter(s -> watches.matches(s.tags())).toList();
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
