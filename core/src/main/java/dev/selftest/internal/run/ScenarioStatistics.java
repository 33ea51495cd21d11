package dev.selftest.internal.run;

import dev.selftest.Outcome;
import dev.selftest.ScenarioResult;
import dev.selftest.ScenarioStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Recent executions of each scenario, kept apart from run history so statistics outlive trimmed runs. Only the
 * outcome and duration of each execution are kept: a result's steps and failure stay with its run.
 */
final class ScenarioStatistics {
    private final int window;
    private final Map<String, Series> series = new ConcurrentHashMap<>();

    ScenarioStatistics(int window) {
        this.window = window;
    }

    void record(ScenarioResult result) {
        if (result.outcome() == Outcome.CANCELLED) {
            return;
        }
        series.computeIfAbsent(result.scenarioId(), id -> new Series()).add(result, window);
    }

    ScenarioStats of(String scenarioId) {
        Series recorded = series.get(scenarioId);
        return recorded == null
                ? new ScenarioStats(scenarioId, 0, null, Duration.ZERO, Duration.ZERO, null, null, 0)
                : recorded.stats(scenarioId);
    }

    /** What statistics need of one execution. */
    private record Execution(Outcome outcome, Duration duration) {
    }

    private static final class Series {
        private final Deque<Execution> recent = new ArrayDeque<>();
        private @Nullable Instant lastSuccess;
        private int consecutiveFailures;

        synchronized void add(ScenarioResult result, int window) {
            recent.addLast(new Execution(result.outcome(), result.duration()));
            if (recent.size() > window) {
                recent.removeFirst();
            }
            if (result.outcome() == Outcome.PASSED) {
                lastSuccess = result.startedAt().plus(result.duration());
                consecutiveFailures = 0;
            } else if (result.outcome().isFailure()) {
                consecutiveFailures++;
            }
        }

        synchronized ScenarioStats stats(String scenarioId) {
            List<Execution> judged = recent.stream()
                    .filter(r -> r.outcome() == Outcome.PASSED || r.outcome().isFailure()).toList();
            Double passRate = judged.isEmpty() ? null
                    : judged.stream().filter(r -> r.outcome() == Outcome.PASSED).count() / (double) judged.size();
            long[] durations = recent.stream().mapToLong(r -> r.duration().toNanos()).sorted().toArray();
            return new ScenarioStats(scenarioId, recent.size(), passRate, percentile(durations, 0.50),
                    percentile(durations, 0.95), recent.getLast().outcome(), lastSuccess, consecutiveFailures);
        }

        /** Nearest-rank percentile of sorted values. */
        private static Duration percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Duration.ZERO;
            }
            int rank = (int) Math.ceil(p * sorted.length);
            return Duration.ofNanos(sorted[Math.max(0, rank - 1)]);
        }
    }
}
