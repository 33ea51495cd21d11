package dev.selftest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Run;
import dev.selftest.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner benchmarks select and record what they claim to (no timing is measured or asserted here). */
class RunnerBenchmarksTests {

    @Test
    void selectionPicksTheScenariosMatchingTheExpression() {
        assertThat(select("smoke")).hasSize(SelectionBenchmark.SCENARIOS / 2);
        // tagged orders or payments (i % 10 is 0 or 1), critical (i % 5 == 0) and not slow (i % 7 != 0)
        List<Scenario> selected = select("(orders | payments) & critical & !slow");
        assertThat(selected).hasSize(1000 - 143)
                .allSatisfy(scenario -> assertThat(scenario.tags()).contains("critical").doesNotContain("slow"));
    }

    private static List<Scenario> select(String tags) {
        SelectionBenchmark benchmark = new SelectionBenchmark();
        benchmark.tags = tags;
        benchmark.register();
        return benchmark.select();
    }

    @Test
    void recordingFillsOneRunThenStartsTheNext() {
        RecordingBenchmark benchmark = new RecordingBenchmark();
        benchmark.start();
        try {
            Run last = null;
            for (int i = 0; i < RecordingBenchmark.SCENARIOS; i++) {
                last = benchmark.record();
            }
            assertThat(last.results()).hasSize(RecordingBenchmark.SCENARIOS);
            assertThat(benchmark.record().results()).hasSize(1);
        } finally {
            benchmark.stop();
        }
    }
}
