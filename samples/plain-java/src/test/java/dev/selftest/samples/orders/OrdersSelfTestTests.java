package dev.selftest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.ConfigSource;
import dev.selftest.Sweeper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample runs its own suite over HTTP and leaves no test data in its database. */
class OrdersSelfTestTests {
    private static final String TOKEN = "sample-token";
    @TempDir
    Path dataDir;
    private OrdersService service;

    @BeforeEach
    void start() {
        service = start("dev");
    }

    private OrdersService start(String environment) {
        return OrdersService.start(0, dataDir, ConfigSource.of(Map.of("selftest.token", TOKEN,
                "selftest.environment", environment)));
    }

    private SampleClient client() {
        return new SampleClient(service.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void theWholeSuitePassesOverHttpAndLeavesNoTestRows() throws Exception {
        Order realOrder = service.database().placeOrder("Ada Lovelace", 2, 1);

        HttpResponse<String> response = client().post("/selftest/runs?wait=60s", "{\"trigger\":\"ci\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode run = SampleClient.json(response);
        assertThat(run.path("status").asText()).as(response.body()).isEqualTo("PASSED");
        assertThat(run.path("counts").path("total").asInt()).as("6 scenarios in code, 2 JUnit check classes")
                .isEqualTo(8);

        assertThat(service.database().ordersOfCustomersStartingWith(Sweeper.TEST_DATA_PREFIX))
                .as("no test orders left").isEmpty();
        assertThat(service.database().order(realOrder.id())).as("real data untouched").contains(realOrder);
    }

    @Test
    void theSelfCleaningScenarioReallyCreatedAndRemovedARow() throws Exception {
        JsonNode run = SampleClient.json(client().post("/selftest/runs?wait=30s",
                "{\"scenarios\":[\"orders.place-and-cancel\"]}"));
        JsonNode result = run.path("scenarios").get(0);
        assertThat(result.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(result.path("cleanup").get(0).path("description").asText()).matches("order \\d+ \\(tracked\\)");
        assertThat(result.path("cleanup").get(0).path("cleaned").asBoolean()).isTrue();
        assertThat(service.database().orders()).isEmpty();
    }

    @Test
    void theJUnitChecksRunInsideTheServiceWithEveryTestAsAStep() throws Exception {
        JsonNode run = json.readTree(post("/selftest/runs?wait=30s",
                "{\"scenarios\":[\"dev.selftest.samples.orders.checks.OrderApiChecks\"]}").body());
        JsonNode result = run.path("scenarios").get(0);
        assertThat(result.path("outcome").asText()).as(run.toString()).isEqualTo("PASSED");
        assertThat(result.path("steps")).extracting(step -> step.path("name").asText())
                .contains("unknownOrderIsNotFound(SelftestContext)")
                .filteredOn(name -> name.startsWith("invalidOrderIsRefusedWithAProblem(String, SelftestContext) > ["))
                .hasSize(4);
    }

    @Test
    void productionRefusesTheDestructiveReset() throws Exception {
        service.close();
        service = start("production");
        HttpResponse<String> response = client().post("/selftest/runs", "{\"scenarios\":[\"catalogue.reset\"]}");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("catalogue.reset", "never run in the production environment");
    }

    @Test
    void theSweeperRemovesLeftoversThatCleanupMissed() throws Exception {
        service.database().placeOrder("selftest-20260101-000000-abcdef-customer-1", 1, 1);
        service.database().placeOrder("Grace Hopper", 1, 1);
        JsonNode cleanup = SampleClient.json(client().post("/selftest/cleanup", ""));
        assertThat(cleanup.path("sweepers").get(0).path("removed").asInt()).isEqualTo(1);
        assertThat(service.database().orders()).extracting(Order::customer).containsExactly("Grace Hopper");
    }
}
