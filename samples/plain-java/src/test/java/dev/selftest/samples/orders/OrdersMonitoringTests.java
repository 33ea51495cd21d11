package dev.selftest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.ConfigSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dataDir;
    private OrdersService service;

    @BeforeEach
    void start() {
        service = OrdersService.start(0, dataDir, ConfigSource.of(Map.of("selftest.token", TOKEN,
                "selftest.schedule.interval", "300ms", "selftest.schedule.jitter", "0s",
                "selftest.schedule.initial-delay", "0s", "selftest.health.ttl", "200ms")));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void readinessChecksTheDatabaseAndTheCriticalScenarios() {
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/selftest/health/ready", null).statusCode() == 200);

        JsonNode ready = read(get("/selftest/health/ready", TOKEN));
        assertThat(ready.path("checks")).extracting(check -> check.path("name").asText())
                .containsExactlyInAnyOrder("database", "selftest-scenarios");
        assertThat(get("/selftest/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void scheduledRunsOfTheSmokeScenariosFeedTheKpis() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                read(get("/selftest/kpis", TOKEN)).path("runs").path("lastHour").path("runs").asInt() >= 2);

        JsonNode kpis = read(get("/selftest/kpis", TOKEN));
        assertThat(kpis.path("runs").path("lastHour").path("passRate").asDouble()).isEqualTo(1.0);
        JsonNode runs = read(get("/selftest/runs", TOKEN)).path("runs");
        assertThat(runs.get(0).path("trigger").asText()).isEqualTo("schedule");
    }

    @Test
    void prometheusMetricsShowTheFunctionalKpiAndTheSelfTests() throws Exception {
        HttpResponse<String> placed = http.send(HttpRequest.newBuilder(URI.create(service.baseUri() + "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customer\":\"Ada\",\"productId\":1,\"quantity\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(placed.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get("/selftest/metrics", TOKEN).body().contains("selftest_runs_total{status=\"passed\",trigger=\"schedule\"}"));

        String metrics = get("/selftest/metrics", TOKEN).body();
        assertThat(metrics).contains("orders_placed_total{source=\"api\"} 1.0");
        assertThat(metrics).contains("selftest_health_status{kind=\"readiness\"}");
        JsonNode functional = read(get("/selftest/kpis", TOKEN)).path("functional");
        assertThat(functional).anySatisfy(kpi -> {
            assertThat(kpi.path("name").asText()).isEqualTo("orders.placed");
            assertThat(kpi.path("tags").path("source").asText()).isEqualTo("api");
            assertThat(kpi.path("values").path("count").asDouble()).isEqualTo(1.0);
        });
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUri() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
