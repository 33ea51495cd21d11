package dev.selftest.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.Sweeper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sample's whole suite, started through the control API over real HTTP, against the real H2 database. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"selftest.token=" + OrdersSuiteTests.TOKEN,
        "spring.datasource.url=jdbc:h2:mem:orders-suite;DB_CLOSE_DELAY=-1"})
class OrdersSuiteTests {
    static final String TOKEN = "suite-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private OrdersRepository repository;

    @Test
    void wholeSuitePassesAndLeavesNoRowsBehind() throws Exception {
        long ordersBefore = repository.count();

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/selftest/runs?wait=60s"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"trigger\":\"ci\"}")));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode run = JSON.readTree(response.body());
        assertThat(run.path("status").asText()).as(response.body()).isEqualTo("PASSED");
        assertThat(run.path("counts").path("passed").asInt()).isEqualTo(8);
        assertThat(repository.count()).isEqualTo(ordersBefore);
        assertThat(repository.orders()).noneMatch(order -> order.customer().startsWith(Sweeper.TEST_DATA_PREFIX));
    }

    @Test
    void kpisOfScenariosShowInActuatorMetricsAndPrometheus() throws Exception {
        HttpResponse<String> run = send(HttpRequest.newBuilder(uri("/selftest/runs?wait=30s"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenarios\":[\"orders.place-and-cancel\"]}")));
        assertThat(run.statusCode()).isEqualTo(201);

        HttpResponse<String> metric = send(HttpRequest.newBuilder(uri("/actuator/metrics/orders.placed")).GET());
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(metric.body()).path("measurements").get(0).path("value").asDouble())
                .isGreaterThanOrEqualTo(1.0);
        HttpResponse<String> prometheus = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());
        assertThat(prometheus.body()).contains("orders_placed_total{");
    }

    @Test
    void sweeperRemovesLeftoverTestOrdersButNoRealOnes() throws Exception {
        Order leftover = repository.place(Sweeper.TEST_DATA_PREFIX + "crashed-run-customer", 1, 1);
        Order real = repository.place("alice@example.com", 2, 1);

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/selftest/cleanup"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("sweepers").get(0).path("removed").asInt()).isEqualTo(1);
        assertThat(repository.order(leftover.id())).isEmpty();
        assertThat(repository.order(real.id())).isPresent();
        repository.delete(real.id());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
