package dev.selftest.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executable jar, started as a pipeline would start it: {@code java -jar orders-spring.jar} with {@code PORT},
 * {@code SELFTEST_TOKEN} and {@code SELFTEST_ENVIRONMENT} in the environment.
 */
class PackagedJarIT {
    private static final String TOKEN = "jar-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Process process;
    private static int port;
    private static Path log;

    @BeforeAll
    static void startTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("orders.jar"));
        assertThat(jar).exists();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("orders-spring", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SELFTEST_TOKEN", TOKEN);
        builder.environment().put("SELFTEST_ENVIRONMENT", "production");
        process = builder.start();
        awaitReady();
    }

    @AfterAll
    static void stopTheJar() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void productionRefusesTheDestructiveScenario() throws Exception {
        JsonNode scenarios = JSON.readTree(send(HttpRequest.newBuilder(uri("/selftest/scenarios")).GET()).body());
        assertThat(scenarios.path("environment").asText()).isEqualTo("production");
        for (JsonNode scenario : scenarios.path("scenarios")) {
            assertThat(scenario.path("allowed").asBoolean()).as(scenario.path("id").asText())
                    .isEqualTo(!scenario.path("safety").asText().equals("DESTRUCTIVE"));
        }
    }

    @Test
    void smokeSuiteGatesTheDeploymentWithAJUnitReport() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/selftest/runs?wait=60s"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tags\":\"smoke\",\"trigger\":\"deploy\"}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode run = JSON.readTree(response.body());
        assertThat(run.path("passed").asBoolean()).as(response.body()).isTrue();
        assertThat(run.path("counts").path("total").asInt()).isEqualTo(3);

        HttpResponse<String> xml = send(HttpRequest.newBuilder(uri(run.path("links").path("junit").asText())).GET());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<testsuite").contains("orders.place-and-cancel");
    }

    @Test
    void probesAnswerOnTheHealthEndpoints() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode()).isEqualTo(200);
    }

    private static void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the jar was not ready within 60 s:\n" + Files.readString(log));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(70)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
