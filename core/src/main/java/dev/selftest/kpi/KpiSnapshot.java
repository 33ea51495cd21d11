package dev.selftest.kpi;

import dev.selftest.ScenarioStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Technical and functional KPIs at one moment, as {@code GET /selftest/kpis} serves them.
 *
 * @param lastHour  runs that finished in the last hour
 * @param lastDay   runs that finished in the last 24 hours
 * @param lastRuns  the last {@code selftest.kpi.window} finished runs, whenever they ran
 * @param scenarios each scenario's recent executions (pass rate, p50/p95, last success, consecutive failures)
 * @param health    UP or DOWN per health kind, by its lower-case name ({@code liveness}, ...)
 * @param functional the application's meters marked as KPIs
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record KpiSnapshot(Instant at, PassRate lastHour, PassRate lastDay, PassRate lastRuns,
                          List<ScenarioStats> scenarios, Map<String, String> health,
                          List<FunctionalKpi> functional) {
    public KpiSnapshot {
        scenarios = List.copyOf(scenarios);
        health = Map.copyOf(health);
        functional = List.copyOf(functional);
    }
}
