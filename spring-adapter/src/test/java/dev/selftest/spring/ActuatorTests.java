package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.contract.ContractFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Selftest in Actuator over real HTTP: the {@code selftest} health contributor, scenario-derived readiness opted
 * into Boot's readiness group (liveness untouched), and Selftest's meters in the application's own registry.
 */
@SpringBootTest(classes = ContractApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        ContractApplication.TOKEN, "selftest.environment=staging",
        "selftest.health.readiness.scenario-tags=smoke", "selftest.health.readiness.scenario-failures=1",
        "selftest.health.ttl=100ms",
        "management.endpoints.web.exposure.include=health,metrics,prometheus",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.probes.enabled=true",
        "management.endpoint.health.group.readiness.include=readinessState,selftest/readiness"})
class ActuatorTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void failingScenarioTakesTheInstanceOutOfReadinessButNotLiveness() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(get("/actuator/health").body());
        assertThat(health.path("components").path("selftest").path("components").fieldNames())
                .toIterable().containsExactlyInAnyOrder("liveness", "readiness", "startup");

        HttpResponse<String> run = send(HttpRequest.newBuilder(uri("/selftest/runs?wait=30s"))
                .header("Authorization", "Bearer " + ContractFixture.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenarios\":[\"" + ContractFixture.FAILS + "\"]}")));
        assertThat(run.statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503));
        JsonNode readiness = JSON.readTree(get("/actuator/health/readiness").body());
        assertThat(readiness.path("components").path("selftest").path("components").path("readiness")
                .path("status").asText()).isEqualTo("DOWN");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

        send(HttpRequest.newBuilder(uri("/selftest/runs?wait=30s"))
                .header("Authorization", "Bearer " + ContractFixture.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenarios\":[\"" + ContractFixture.PASSES + "\"]}")));
    }

    @Test
    void selftestMetersShowInActuatorMetricsAndPrometheus() throws Exception {
        send(HttpRequest.newBuilder(uri("/selftest/runs?wait=30s"))
                .header("Authorization", "Bearer " + ContractFixture.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenarios\":[\"" + ContractFixture.PASSES + "\"]}")));

        HttpResponse<String> runs = get("/actuator/metrics/selftest.scenario.runs");
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(runs.body()).path("measurements").get(0).path("value").asDouble())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(get("/actuator/prometheus").body()).contains("selftest_scenario_runs_total{")
                .contains("selftest_health_status{");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
