package dev.selftest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.api.ApiResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each benchmark does the work its name promises (no timing is measured or asserted here): JMH runs them only on
 * request, so these keep them honest in the normal build.
 */
class BenchmarkWorkloadsTests {

    @Test
    void healthAnswersFromCachedResultsIncludingTheSlowCheck() throws Exception {
        HealthBenchmark benchmark = new HealthBenchmark();
        benchmark.slowCheckMillis = 200;
        benchmark.start();
        try {
            ApiResponse response = benchmark.api().handle(Requests.anonymous("/health/ready"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).contains("\"database\"", "\"slow-dependency\"", "\"UP\"");
            assertThat(benchmark.health()).isGreaterThan(200);
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void reportsCoverEveryScenarioOfTheRun() throws Exception {
        ReportBenchmark benchmark = new ReportBenchmark();
        benchmark.start();
        try {
            String xml = benchmark.api().handle(benchmark.junitXmlRequest()).bodyText();
            assertThat(xml.split("<testcase ", -1)).hasSize(ReportBenchmark.SCENARIOS + 1);
            assertThat(xml.split("<failure ", -1)).hasSize(ReportBenchmark.SCENARIOS / 10 + 1);
            String json = benchmark.api().handle(benchmark.jsonRequest()).bodyText();
            assertThat(json).contains("orders.check-0000", "orders.check-0499", "expected 3 orders, found 2");
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void runExecutesEveryScenario() throws Exception {
        RunBenchmark benchmark = new RunBenchmark();
        benchmark.start();
        try {
            Run run = benchmark.run500Scenarios();
            assertThat(run.results()).hasSize(ReportBenchmark.SCENARIOS);
            assertThat(run.count(Outcome.PASSED)).isEqualTo(ReportBenchmark.SCENARIOS * 9 / 10);
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void launcherAndBridgeBothRunTheThousandTestsInEveryRound() throws Exception {
        // measure throws unless both halves passed all of ThousandTests.COUNT tests in every round
        List<BridgeRounds.Round> rounds = BridgeRounds.measure(1, 2);

        assertThat(rounds).hasSize(2).allSatisfy(round -> {
            assertThat(round.launcherMillis()).isPositive();
            assertThat(round.bridgeMillis()).isPositive();
        });
    }

    @Test
    void bridgeRoundsRefuseToMeasureNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> BridgeRounds.measure(1, 0))
                .withMessageContaining("at least one round");
    }
}
