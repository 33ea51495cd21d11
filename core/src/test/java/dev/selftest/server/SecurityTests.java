package dev.selftest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.ConfigSource;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rules of docs/security.md, one test each. */
class SecurityTests {
    private static final String OPERATE = "operate-token-5f0b8e";
    private static final String READ = "read-token-91c2d4";
    private Selftest selftest;
    private EmbeddedServer server;

    private HttpTestClient start(Map<String, String> settings) {
        Selftest.Builder builder = Selftest.builder().config(ConfigSource.of(settings)).token(OPERATE)
                .setting("selftest.read-token", READ)
                .scenario(Scenario.builder("checks.fails").tags("smoke").safety(Safety.READ_ONLY)
                        .body(c -> { throw new AssertionError("expected 1 but was 2"); }).build())
                .scenario(Scenario.builder("checks.reset").safety(Safety.DESTRUCTIVE).body(c -> { }).build());
        selftest = builder.build();
        server = EmbeddedServer.start(selftest, new InetSocketAddress("127.0.0.1", 0));
        return new HttpTestClient(server.baseUri(), OPERATE);
    }

    @AfterEach
    void stop() {
        server.close();
        selftest.close();
    }

    @Test
    void theReadTokenReadsButCannotOperate() {
        HttpTestClient operate = start(Map.of());
        String runId = operate.post("/runs?wait=5s", "{}").json().path("id").asText();
        HttpTestClient read = operate.withToken(READ);

        assertThat(read.get("/scenarios").status()).isEqualTo(200);
        assertThat(read.get("/runs/" + runId).status()).isEqualTo(200);
        assertThat(read.get("/runs/" + runId + "/junit.xml").status()).isEqualTo(200);
        for (HttpTestClient.Reply refused : List.of(read.post("/runs", "{}"), read.delete("/runs/" + runId),
                read.post("/cleanup", ""))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("detail").asText()).contains("read token cannot");
        }
        assertThat(selftest.runs()).hasSize(1);
    }

    @Test
    void noTokenAppearsInResponsesOrLogs() throws Exception {
        HttpTestClient operate = start(Map.of());
        JsonNode run = operate.post("/runs?wait=5s", "{\"labels\":{\"pipeline\":\"42\"}}").json();
        String runId = run.path("id").asText();
        List<String> bodies = List.of(operate.get("").body(), operate.get("/scenarios").body(),
                operate.get("/runs").body(), operate.get("/runs/" + runId).body(),
                operate.get("/runs/" + runId + "/junit.xml").body(), operate.withToken("wrong").get("/runs").body(),
                operate.withToken(OPERATE + "x").post("/runs", "{}").body());
        assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContain(OPERATE, READ));

        Path log = Path.of("target/core-tests.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains(runId).doesNotContain(OPERATE, READ);
    }

    @Test
    void stackTracesAreSentOnlyWhenConfigured() {
        HttpTestClient quiet = start(Map.of());
        JsonNode failure = quiet.post("/runs?wait=5s", "{}").json().path("scenarios").get(0).path("failure");
        assertThat(failure.path("message").asText()).isEqualTo("expected 1 but was 2");
        assertThat(failure.has("stackTrace")).isFalse();
        stop();

        HttpTestClient verbose = start(Map.of("selftest.report.stack-traces", "true"));
        JsonNode detailed = verbose.post("/runs?wait=5s", "{}").json().path("scenarios").get(0).path("failure");
        assertThat(detailed.path("stackTrace").asText()).contains("java.lang.AssertionError", "\tat ");
    }

    @Test
    void destructiveScenariosCannotRunInProductionWhateverTheRequestSays() {
        HttpTestClient operate = start(Map.of("selftest.environment", "production"));
        for (String body : List.of("{\"scenarios\":[\"checks.reset\"]}", "{\"tags\":\"none()\"}",
                "{\"scenarios\":[\"checks.reset\",\"checks.fails\"],\"trigger\":\"manual\"}",
                "{\"tags\":\"any() | none()\"}")) {
            HttpTestClient.Reply reply = operate.post("/runs?wait=5s", body);
            if (reply.status() == 201) {
                assertThat(reply.json().path("scenarios").findValuesAsText("id")).doesNotContain("checks.reset");
            } else {
                assertThat(reply.status()).isIn(400, 403);
            }
        }
        assertThat(selftest.runs()).allSatisfy(run -> assertThat(run.scenarioIds()).doesNotContain("checks.reset"));
    }

    @Test
    void runStartsAreRateLimited() {
        HttpTestClient operate = start(Map.of("selftest.runner.max-runs-per-minute", "3",
                "selftest.runner.max-concurrent-runs", "10"));
        for (int i = 0; i < 3; i++) {
            assertThat(operate.post("/runs?wait=5s", "{}").status()).isEqualTo(201);
        }
        HttpTestClient.Reply limited = operate.post("/runs", "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("detail").asText()).contains("more than 3 runs were started in the last minute");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    }
}
