package dev.selftest.samples.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.Sweeper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar ({@code orders-jakarta.jar}) is killed with SIGKILL while a scenario holds tracked orders. The
 * journal (a table in the service's H2 database, produced as a CDI bean) survives, and the next start of the
 * container replays it: the test orders are gone, the real one is untouched.
 */
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void trackedOrdersOfAKilledServiceAreRemovedWhenItStartsAgain() throws Exception {
        int port = freePort();
        Process killed = start(port, "first");
        try {
            long realOrder = call(port, "POST", "/orders", "{\"customer\":\"Ada\",\"productId\":2,\"quantity\":1}")
                    .path("id").asLong();
            call(port, "POST", "/selftest/runs", "{\"scenarios\":[\"orders.bulk-place\"]}");
            await().atMost(Duration.ofSeconds(20)).until(() -> testOrders(port).size() == 3);
        } finally {
            killed.destroyForcibly().waitFor();
        }
        assertThat(killed.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        Process restarted = start(port, "second");
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(testOrders(port)).isEmpty());
            assertThat(call(port, "GET", "/orders", null)).singleElement()
                    .satisfies(order -> assertThat(order.path("customer").asText()).isEqualTo("Ada"));
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    private Process start(int port, String name) throws Exception {
        ProcessBuilder jar = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("orders.jar"))
                .redirectErrorStream(true).redirectOutput(dataDir.resolve(name + ".log").toFile());
        jar.environment().putAll(Map.of("PORT", Integer.toString(port), "DATA_DIR", dataDir.toString(),
                "SELFTEST_TOKEN", "crash-token", "SELFTEST_SCHEDULE_ENABLED", "false"));
        Process process = jar.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> call(port, "GET", "/selftest", null).has("version"));
        return process;
    }

    private static List<JsonNode> testOrders(int port) throws Exception {
        return StreamSupport.stream(call(port, "GET", "/orders", null).spliterator(), false)
                .filter(order -> order.path("customer").asText().startsWith(Sweeper.TEST_DATA_PREFIX)).toList();
    }

    private static JsonNode call(int port, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer crash-token")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
