package dev.selftest.samples.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.Sweeper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The sample service on Quarkus, booted on a free port, testing itself through the control API over HTTP. */
@QuarkusTest
class OrdersSelftestTests {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    @Inject
    Catalogue catalogue;

    @Test
    void smokeScenariosPassAndLeaveNoTestOrdersBehind() throws Exception {
        JsonNode run = startRun("{\"tags\":\"smoke\",\"trigger\":\"deploy\"}");

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("PASSED");
        assertThat(run.path("scenarios").findValuesAsText("id")).containsExactlyInAnyOrder(
                "catalogue.lists-products", "orders.place-and-cancel", "orders.unknown-order-is-404");
        assertThat(run.path("scenarios").findValues("cleanup").toString()).contains("order");
        assertThat(catalogue.ordersOfCustomersStartingWith(Sweeper.TEST_DATA_PREFIX)).isEmpty();
    }

    @Test
    void runtimeReadinessIncludesTheScenarioCheck() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(root.resolve("q/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).path("checks").findValuesAsText("name"))
                .contains("selftest", "Database connections health check");
    }

    @Test
    void placedOrderKpiIsPublishedByTheRuntime() throws Exception {
        startRun("{\"scenarios\":[\"orders.place-and-cancel\"]}");

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(root.resolve("q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.body()).contains("orders_placed_total{source=\"selftest\"}");
    }

    @Test
    void sweeperRemovesTestOrdersThatCleanupMissed() throws Exception {
        catalogue.place(Sweeper.TEST_DATA_PREFIX + "20261123-101500-a1b2c3-customer-1", 2, 1);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(root.resolve("selftest/cleanup"))
                .header("Authorization", "Bearer sample-token")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(catalogue.ordersOfCustomersStartingWith(Sweeper.TEST_DATA_PREFIX)).isEmpty();
    }

    @Test
    void malformedOrderGetsAProblemResponse() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(root.resolve("orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"customer\":"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("detail").asText()).isNotBlank();
    }

    @Test
    void destructiveResetRunsOutsideProductionAndRestoresTheCatalogue() throws Exception {
        catalogue.place("a real customer", 3, 1);

        JsonNode run = startRun("{\"scenarios\":[\"catalogue.reset\"]}");

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("PASSED");
        assertThat(catalogue.orders()).isEmpty();
    }

    private JsonNode startRun(String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(root.resolve("selftest/runs?wait=30s"))
                .header("Authorization", "Bearer sample-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
