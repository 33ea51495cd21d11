package dev.selftest;

import java.time.Duration;
import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How a scenario behaved over its recent executions.
 *
 * @param executions          how many recent executions these figures cover
 * @param passRate            share of them that passed, 0 to 1 (skips and cancellations left out); null if none
 * @param lastOutcome         null if it never ran
 * @param lastSuccess         null if it never passed
 * @param consecutiveFailures failures since the last pass
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ScenarioStats(String scenarioId, int executions, @Nullable Double passRate, Duration p50,
                           Duration p95, @Nullable Outcome lastOutcome, @Nullable Instant lastSuccess,
                           int consecutiveFailures) {
}
