package dev.selftest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.health.HealthKind;
import dev.selftest.kpi.Kpi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTests {
    private Selftest selftest;
    private Http http;

    @AfterEach
    void stop() {
        http.close();
        selftest.close();
    }

    private void serve(Selftest.Builder builder) throws InterruptedException {
        selftest = builder.token(Http.TOKEN)
                .healthCheck(HealthKind.READINESS, () -> HealthCheckResponse.up("database"))
                .scenario(Scenario.builder("catalogue.lists").safety(Safety.READ_ONLY).body(context ->
                        Counter.builder("orders.placed").tags(Kpi.TAGS).register(context.kpis()).increment())
                        .build())
                .build();
        http = new Http(selftest);
        selftest.run(RunRequest.all(), Duration.ofSeconds(30));
    }

    @Test
    void metricsServeThePrometheusTextFormatOfTheDefaultRegistry() throws Exception {
        serve(Selftest.builder());
        await().until(() -> selftest.health().report(HealthKind.READINESS).isUp());

        HttpResponse<String> response = http.getAuthorized("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        List<Sample> samples = parse(response.body());
        assertThat(value(samples, "selftest_runs_total", Map.of("trigger", "manual", "status", "passed")))
                .isEqualTo(1.0);
        assertThat(value(samples, "selftest_scenario_runs_total",
                Map.of("scenario", "catalogue.lists", "outcome", "passed"))).isEqualTo(1.0);
        assertThat(value(samples, "selftest_scenario_duration_seconds_count", Map.of("scenario", "catalogue.lists")))
                .isEqualTo(1.0);
        assertThat(value(samples, "selftest_scenario_duration_seconds",
                Map.of("scenario", "catalogue.lists", "quantile", "0.95"))).isNotNegative();
        assertThat(value(samples, "selftest_scenario_consecutive_failures", Map.of("scenario", "catalogue.lists")))
                .isZero();
        assertThat(value(samples, "selftest_scenario_last_success_seconds", Map.of("scenario", "catalogue.lists")))
                .isGreaterThan(1.7e9);
        assertThat(value(samples, "selftest_health_status", Map.of("kind", "readiness"))).isEqualTo(1.0);
        assertThat(value(samples, "orders_placed_total", Map.of("kpi", "true"))).isEqualTo(1.0);
    }

    @Test
    void prometheusRegistryInsideACompositeIsFound() throws Exception {
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(new SimpleMeterRegistry());
        composite.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        serve(Selftest.builder().meterRegistry(composite));

        HttpResponse<String> response = http.getAuthorized("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(value(parse(response.body()), "selftest_runs_total", Map.of("trigger", "manual", "status", "passed")))
                .isEqualTo(1.0);
    }

    @Test
    void withoutAPrometheusRegistryMetricsAreNotFound() throws Exception {
        serve(Selftest.builder().meterRegistry(new SimpleMeterRegistry()));

        HttpResponse<String> response = http.getAuthorized("/metrics");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:selftest:problem:not-found");
        assertThat(problem.get("detail").asText()).contains("micrometer-registry-prometheus");
    }

    @Test
    void metricsNeedReadAccess() throws Exception {
        serve(Selftest.builder());

        assertThat(http.get("/metrics").statusCode()).isEqualTo(401);
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** Parses the Prometheus text format; fails on any line that is neither a comment nor a sample. */
    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                int end = 0;
                while (label.find() && label.start() == end) {
                    labels.put(label.group(1), label.group(2));
                    end = label.end();
                }
                assertThat(end).as("labels of %s", line).isEqualTo(sample.group(2).length());
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    private static double value(List<Sample> samples, String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().equals(new TreeMap<>(labels))).toList();
        assertThat(matching).as("%s%s among %s", name, labels, samples.stream().map(Sample::name).distinct().toList())
                .hasSize(1);
        return matching.get(0).value();
    }
}
