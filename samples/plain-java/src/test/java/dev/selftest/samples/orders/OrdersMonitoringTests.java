package dev.selftest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.ConfigSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's health, scheduled runs, KPIs and Prometheus metrics, over HTTP. */
class OrdersMonitoringTests {
    private static final String TOKEN = "sample-token";
    @TempDir
    Path dataDir;
    private OrdersService service;
    private SampleClient client;

    @BeforeEach
    void start() {
        service = OrdersService.start(0, dataDir, ConfigSource.of(Map.of("selftest.token", TOKEN,
                "selftest.schedule.interval", "300ms", "selftest.schedule.jitter", "0s",
                "selftest.schedule.initial-delay", "0s", "selftest.health.ttl", "200ms")));
        client = new SampleClient(service.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void readinessChecksTheDatabaseAndTheCriticalScenarios() {
        await().atMost(Duration.ofSeconds(20)).until(() -> client.withoutToken().get("/selftest/health/ready").statusCode() == 200);

        JsonNode ready = SampleClient.json(client.get("/selftest/health/ready"));
        assertThat(ready.path("checks")).extracting(check -> check.path("name").asText())
                .containsExactlyInAnyOrder("database", "selftest-scenarios");
        assertThat(client.withoutToken().get("/selftest/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void scheduledRunsOfTheSmokeScenariosFeedTheKpis() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                SampleClient.json(client.get("/selftest/kpis")).path("runs").path("lastHour").path("runs").asInt() >= 2);

        JsonNode kpis = SampleClient.json(client.get("/selftest/kpis"));
        assertThat(kpis.path("runs").path("lastHour").path("passRate").asDouble()).isEqualTo(1.0);
        JsonNode runs = SampleClient.json(client.get("/selftest/runs")).path("runs");
        assertThat(runs.get(0).path("trigger").asText()).isEqualTo("schedule");
    }

    @Test
    void prometheusMetricsShowTheFunctionalKpiAndTheSelfTests() throws Exception {
        HttpResponse<String> placed = client.post("/orders", "{\"customer\":\"Ada\",\"productId\":1,\"quantity\":1}");
        assertThat(placed.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                client.get("/selftest/metrics").body().contains("selftest_runs_total{status=\"passed\",trigger=\"schedule\"}"));

        String metrics = client.get("/selftest/metrics").body();
        assertThat(metrics).contains("orders_placed_total{source=\"api\"} 1.0");
        assertThat(metrics).contains("selftest_health_status{kind=\"readiness\"}");
        JsonNode functional = SampleClient.json(client.get("/selftest/kpis")).path("functional");
        assertThat(functional).anySatisfy(kpi -> {
            assertThat(kpi.path("name").asText()).isEqualTo("orders.placed");
            assertThat(kpi.path("tags").path("source").asText()).isEqualTo("api");
            assertThat(kpi.path("values").path("count").asDouble()).isEqualTo(1.0);
        });
    }
}
