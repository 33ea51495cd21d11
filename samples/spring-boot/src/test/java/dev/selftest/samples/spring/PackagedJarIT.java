package dev.selftest.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar, started with {@code java -jar} in a production environment, gating a deployment over HTTP. */
class PackagedJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static OrdersJar jar;

    @BeforeAll
    static void startTheJar() throws Exception {
        jar = OrdersJar.start("production", data);
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (jar != null) {
            jar.close();
        }
    }

    @Test
    void productionRefusesTheDestructiveScenario() throws Exception {
        JsonNode scenarios = JSON.readTree(jar.get("/selftest/scenarios").body());
        assertThat(scenarios.path("environment").asText()).isEqualTo("production");
        for (JsonNode scenario : scenarios.path("scenarios")) {
            assertThat(scenario.path("allowed").asBoolean()).as(scenario.path("id").asText())
                    .isEqualTo(!scenario.path("safety").asText().equals("DESTRUCTIVE"));
        }
    }

    @Test
    void smokeSuiteGatesTheDeploymentWithAJUnitReport() throws Exception {
        HttpResponse<String> response = jar.postJson("/selftest/runs?wait=60s",
                "{\"tags\":\"smoke\",\"trigger\":\"deploy\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode run = JSON.readTree(response.body());
        assertThat(run.path("passed").asBoolean()).as(response.body()).isTrue();
        assertThat(run.path("counts").path("total").asInt()).isEqualTo(4);

        HttpResponse<String> xml = jar.get(run.path("links").path("junit").asText());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<testsuite").contains("orders.place-and-cancel");
    }

    @Test
    void junitChecksPackagedInTheJarAreFoundAndRun() throws Exception {
        String checks = "dev.selftest.samples.spring.checks.";
        HttpResponse<String> response = jar.postJson("/selftest/runs?wait=60s", "{\"scenarios\":[\"" + checks
                + "CatalogueApiChecks\",\"" + checks + "OrderApiChecks\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode run = JSON.readTree(response.body());
        assertThat(run.path("passed").asBoolean()).as(response.body()).isTrue();
        assertThat(run.path("scenarios").findValuesAsText("name"))
                .anyMatch(step -> step.contains("everyProductHasANameAndAPrice"))
                .anyMatch(step -> step.contains("placedOrderCanBeCancelled"));
        assertThat(JSON.readTree(jar.get("/orders/report").body()).path("orders").asLong()).isZero();
    }

    @Test
    void probesAnswerOnTheHealthEndpoints() throws Exception {
        assertThat(jar.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(jar.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
}
