package dev.selftest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service is killed with SIGKILL while a scenario holds test rows; after a restart the durable
 * cleanup journal removes them, and real rows are untouched.
 */
class CrashRecoveryIT {
    private static final String TOKEN = "crash-token";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> processes = new ArrayList<>();
    @TempDir
    Path dataDir;
    private int port;

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void testRowsLeftByAKilledServiceAreRemovedAfterRestart() throws Exception {
        port = freePort();
        Process first = start();
        long realOrder = json.readTree(send("POST", "/orders",
                "{\"customer\":\"Ada Lovelace\",\"productId\":2,\"quantity\":1}").body()).path("id").asLong();

        HttpResponse<String> run = send("POST", "/selftest/runs", "{\"scenarios\":[\"orders.bulk-place\"]}");
        assertThat(run.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> testOrders().size() == 3);

        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(testOrders()).isEmpty());
        JsonNode orders = json.readTree(send("GET", "/orders", null).body());
        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.path("id").asLong()).isEqualTo(realOrder);
            assertThat(order.path("customer").asText()).isEqualTo("Ada Lovelace");
            assertThat(order.path("status").asText()).isEqualTo("PLACED");
        });
        JsonNode cleanup = json.readTree(send("POST", "/selftest/cleanup", "").body());
        assertThat(cleanup.path("pending")).isEmpty();
        assertThat(cleanup.path("cleaned").asBoolean()).isTrue();
    }

    private List<JsonNode> testOrders() throws Exception {
        List<JsonNode> test = new ArrayList<>();
        for (JsonNode order : json.readTree(send("GET", "/orders", null).body())) {
            if (order.path("customer").asText().startsWith("selftest-")) {
                test.add(order);
            }
        }
        return test;
    }

    private Process start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("orders.jar"))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + processes.size() + ".log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("DATA_DIR", dataDir.toString());
        builder.environment().put("SELFTEST_TOKEN", TOKEN);
        builder.environment().put("SELFTEST_RUN_ON_START", "false");
        Process process = builder.start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> send("GET", "/selftest", null).statusCode() == 200);
        return process;
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + TOKEN);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
