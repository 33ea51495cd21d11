package dev.selftest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of one run: a selection of scenarios executed together.
 *
 * @param scenarioIds the selection, in execution order
 * @param results     the scenarios finished so far, in execution order
 * @param finishedAt  null while running
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Run(String id, Trigger trigger, Map<String, String> labels, String environment, RunStatus status,
                  Instant startedAt, @Nullable Instant finishedAt, List<String> scenarioIds,
                  List<ScenarioResult> results) {
    public Run {
        labels = Map.copyOf(labels);
        scenarioIds = List.copyOf(scenarioIds);
        results = List.copyOf(results);
    }

    /** True when the run finished and every scenario passed or was skipped, with all cleanup done. */
    public boolean passed() {
        return status == RunStatus.PASSED;
    }

    /** How many results have this outcome. */
    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
