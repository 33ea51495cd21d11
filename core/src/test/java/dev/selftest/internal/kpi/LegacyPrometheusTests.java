package dev.selftest.internal.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.ConfigSource;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code /selftest/metrics} also serves the legacy Prometheus registry that Quarkus 3 provides. */
class LegacyPrometheusTests {

    @Test
    @SuppressWarnings("deprecation")
    void metricsAreScrapedFromTheLegacyRegistryInsideAComposite() throws Exception {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        try (Selftest selftest = Selftest.builder().config(ConfigSource.of(Map.of())).token("t")
                .meterRegistry(composite)
                .scenario(Scenario.builder("legacy.check").safety(Safety.READ_ONLY).body(c -> { }).build())
                .build()) {
            selftest.run(RunRequest.all(), Duration.ofSeconds(10));
            ApiResponse metrics = selftest.controlApi().handle(ApiRequest.of("GET", "/selftest", "/metrics", Map.of(),
                    name -> name.equals("Authorization") ? Optional.of("Bearer t") : Optional.empty()));

            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.bodyText()).contains("selftest_runs_total").contains("trigger=\"manual\"");
        }
    }
}
