package dev.selftest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.ConfigSource;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.Sweeper;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The control API over real HTTP on a loopback port, through the embedded JDK transport. */
class ControlApiHttpTests {
    private static final String TOKEN = "test-token-123";
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger swept = new AtomicInteger();
    private Selftest selftest;
    private EmbeddedServer server;
    private HttpTestClient client;

    @BeforeEach
    void start() {
        startWith("dev", TOKEN);
    }

    private void startWith(String environment, String token) {
        Selftest.Builder builder = Selftest.builder().config(ConfigSource.of(Map.of()))
                .environment(environment)
                .setting("selftest.runner.max-concurrent-runs", "1")
                .setting("selftest.server.max-request-bytes", "2048")
                .setting("selftest.runner.shutdown-grace", "2s")
                .scenario(Scenario.builder("catalogue.lists-products").description("lists products")
                        .tags("smoke").safety(Safety.READ_ONLY).body(c -> c.step("list", () -> { })).build())
                .scenario(Scenario.builder("orders.broken").tags("orders")
                        .safety(Safety.SELF_CLEANING).body(c -> {
                            throw new AssertionError("expected <PLACED> but was <LOST> & more");
                        }).build())
                .scenario(Scenario.builder("admin.reset").tags("admin").safety(Safety.DESTRUCTIVE)
                        .body(c -> { }).build())
                .scenario(Scenario.builder("slow.blocks").tags("slow").safety(Safety.READ_ONLY)
                        .body(c -> release.await()).build())
                .sweeper(Sweeper.of("orders", context -> swept.incrementAndGet()));
        if (token != null) {
            builder.token(token);
        }
        selftest = builder.build();
        server = EmbeddedServer.start(selftest, new InetSocketAddress("127.0.0.1", 0));
        client = new HttpTestClient(server.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
        selftest.close();
    }

    private void restart(String environment, String token) {
        stop();
        startWith(environment, token);
    }

    @Test
    void indexNamesTheEnvironmentAndLinks() {
        HttpTestClient.Reply reply = client.get("");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("environment").asText()).isEqualTo("dev");
        assertThat(reply.json().path("links").path("runs").asText()).isEqualTo("/selftest/runs");
        assertThat(reply.json().path("version").asText()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void scenariosListTheirTagsSafetyAndWhetherTheyMayRun() throws Exception {
        restart("production", TOKEN);
        JsonNode scenarios = client.get("/scenarios").json().path("scenarios");
        assertThat(scenarios).hasSize(4);
        JsonNode reset = scenarios.get(2);
        assertThat(reset.path("id").asText()).isEqualTo("admin.reset");
        assertThat(reset.path("safety").asText()).isEqualTo("DESTRUCTIVE");
        assertThat(reset.path("allowed").asBoolean()).isFalse();
        assertThat(reset.path("refusal").asText()).contains("never run in the production environment");
        assertThat(scenarios.get(0).path("tags").get(0).asText()).isEqualTo("smoke");
        assertThat(scenarios.get(0).path("timeout").asText()).isEqualTo("30s");
    }

    @Test
    void startingARunAndWaitingGivesTheVerdictAndALocation() {
        HttpTestClient.Reply reply = client.post("/runs?wait=10s",
                "{\"tags\":\"smoke\",\"trigger\":\"deploy\",\"labels\":{\"commit\":\"abc123\"}}");
        assertThat(reply.status()).isEqualTo(201);
        JsonNode run = reply.json();
        assertThat(reply.header("Location")).isEqualTo("/selftest/runs/" + run.path("id").asText());
        assertThat(run.path("status").asText()).isEqualTo("PASSED");
        assertThat(run.path("passed").asBoolean()).isTrue();
        assertThat(run.path("trigger").asText()).isEqualTo("deploy");
        assertThat(run.path("labels").path("commit").asText()).isEqualTo("abc123");
        assertThat(run.path("scenarios").get(0).path("steps").get(0).path("name").asText()).isEqualTo("list");

        JsonNode fetched = client.get(reply.header("Location").substring("/selftest".length())).json();
        assertThat(fetched.path("id")).isEqualTo(run.path("id"));
        assertThat(client.get("/runs").json().path("runs").get(0).path("id")).isEqualTo(run.path("id"));
    }

    @Test
    void withoutWaitTheRunIsReturnedRunningAndCanBePolled() {
        JsonNode run = client.post("/runs", "{\"scenarios\":[\"slow.blocks\"]}").json();
        assertThat(run.path("status").asText()).isEqualTo("RUNNING");
        assertThat(run.path("pending").get(0).asText()).isEqualTo("slow.blocks");
        release.countDown();
        JsonNode finished = client.get("/runs/" + run.path("id").asText() + "?wait=10s").json();
        assertThat(finished.path("status").asText()).isEqualTo("PASSED");
        assertThat(finished.path("counts").path("passed").asInt()).isEqualTo(1);
    }

    @Test
    void junitXmlValidatesAgainstTheSurefireSchemaAndCarriesTheFailure() throws Exception {
        String id = client.post("/runs?wait=10s", "{\"scenarios\":[\"catalogue.lists-products\",\"orders.broken\"]}")
                .json().path("id").asText();
        HttpTestClient.Reply xml = client.get("/runs/" + id + "/junit.xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/surefire-test-report-3.0.xsd"))
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8))));
        assertThat(xml.body())
                .contains("<testsuite name=\"selftest.dev\"")
                .contains("tests=\"2\"", "failures=\"1\"", "errors=\"0\"")
                .contains("<failure message=\"expected &lt;PLACED&gt; but was &lt;LOST&gt; &amp; more\"")
                .contains("step list: PASSED");
    }

    @Test
    void cancellingARunAnswers202AndThen409() {
        String id = client.post("/runs", "{\"scenarios\":[\"slow.blocks\"]}").json().path("id").asText();
        HttpTestClient.Reply cancelled = client.delete("/runs/" + id);
        assertThat(cancelled.status()).isEqualTo(202);
        JsonNode finished = client.get("/runs/" + id + "?wait=10s").json();
        assertThat(finished.path("status").asText()).isEqualTo("CANCELLED");
        assertProblem(client.delete("/runs/" + id), 409, "run-finished");
    }

    @Test
    void cleanupRunsTheSweepers() {
        HttpTestClient.Reply reply = client.post("/cleanup", "");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("cleaned").asBoolean()).isTrue();
        assertThat(reply.json().path("sweepers").get(0).path("name").asText()).isEqualTo("orders");
        assertThat(swept).hasValue(1);
    }

    @Test
    void aDestructiveScenarioIsRefusedInProductionWith403AndNothingRuns() throws Exception {
        restart("production", TOKEN);
        HttpTestClient.Reply reply = client.post("/runs", "{\"scenarios\":[\"admin.reset\"]}");
        assertProblem(reply, 403, "scenario-forbidden");
        assertThat(reply.json().path("refused").path("admin.reset").asText()).contains("never run in the production");
        assertNothingRan();
    }

    @Test
    void runsBeyondTheCapGet429WithRetryAfter() {
        client.post("/runs", "{\"scenarios\":[\"slow.blocks\"]}");
        HttpTestClient.Reply reply = client.post("/runs", "{\"scenarios\":[\"catalogue.lists-products\"]}");
        assertProblem(reply, 429, "too-many-runs");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"tags\":|400|invalid-request|not valid JSON",
            "not an object|[1,2]|400|invalid-request|must be a JSON object",
            "unknown field|{\"tag\":\"smoke\"}|400|invalid-request|unknown field 'tag'",
            "unknown scenario|{\"scenarios\":[\"nope\"]}|400|invalid-request|unknown scenario nope",
            "wrong type|{\"scenarios\":\"catalogue.lists-products\"}|400|invalid-request|must be an array",
            "invalid tag expression|{\"tags\":\"smoke & (\"}|400|invalid-request|invalid tag expression",
            "unknown trigger|{\"trigger\":\"cron\"}|400|invalid-request|unknown trigger 'cron'",
            "bad label|{\"labels\":{\"a b\":\"x\"}}|400|invalid-request|label key 'a b' is invalid",
            "duplicate key|{\"tags\":\"smoke\",\"tags\":\"admin\"}|400|invalid-request|not valid JSON",
            "empty selection|{\"tags\":\"nothing\"}|400|invalid-request|matches no scenario",
    })
    void badRunRequestsGetAClearProblemAndChangeNothing(String name, String body, int status, String type,
                                                         String detail) throws Exception {
        HttpTestClient.Reply reply = client.post("/runs", body);
        assertProblem(reply, status, type);
        assertThat(reply.json().path("detail").asText()).contains(detail);
        assertNothingRan();
    }

    @Test
    void aBodyThatIsNotJsonGets415() throws Exception {
        assertProblem(client.send("POST", "/runs", "text/plain", "tags=smoke"), 415, "unsupported-media-type");
        assertNothingRan();
    }

    @Test
    void anOversizedBodyGets413() throws Exception {
        String huge = "{\"labels\":{\"x\":\"" + "a".repeat(5000) + "\"}}";
        assertProblem(client.post("/runs", huge), 413, "request-too-large");
        assertNothingRan();
    }

    @Test
    void anInvalidWaitGets400() throws Exception {
        assertProblem(client.post("/runs?wait=forever", "{}"), 400, "invalid-request");
        assertProblem(client.post("/runs?wait=11m", "{}"), 400, "invalid-request");
        assertNothingRan();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PUT,/runs,'GET, POST'", "DELETE,/scenarios,GET", "GET,/cleanup,POST", "POST,'',GET",
            "PATCH,/runs/20261123-142512-9f3c2a,'GET, DELETE'"})
    void wrongMethodsGet405WithAllow(String method, String path, String allowed) throws Exception {
        HttpTestClient.Reply reply = client.send(method, path, "application/json", "{}");
        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).isEqualTo(allowed);
        assertNothingRan();
    }

    @Test
    void unknownEndpointsAndRunsGet404() {
        assertProblem(client.get("/nope"), 404, "not-found");
        assertProblem(client.get("/runs/20261123-142512-9f3c2a"), 404, "not-found");
        assertProblem(client.get("/runs/not-a-run-id"), 404, "not-found");
        assertProblem(client.get("/runs/20261123-142512-9f3c2a/junit.xml"), 404, "not-found");
    }

    @Test
    void aMissingOrWrongTokenGets401AndNothingRuns() throws Exception {
        HttpTestClient.Reply missing = client.withToken(null).post("/runs", "{}");
        assertProblem(missing, 401, "unauthorized");
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(client.withToken("wrong").post("/runs", "{}"), 401, "unauthorized");
        assertProblem(client.withToken("wrong").get("/scenarios"), 401, "unauthorized");
        assertNothingRan();
    }

    @Test
    void withoutAConfiguredTokenTheControlApiIsOffAndSaysHowToTurnItOn() throws Exception {
        restart("dev", null);
        HttpTestClient.Reply reply = client.post("/runs", "{}");
        assertProblem(reply, 403, "control-api-off");
        assertThat(reply.json().path("detail").asText()).contains("SELFTEST_TOKEN");
        assertProblem(client.get("/scenarios"), 403, "control-api-off");
        assertThat(selftest.runs()).isEmpty();
    }

    @Test
    void limitOnTheRunListingIsValidated() {
        assertProblem(client.get("/runs?limit=0"), 400, "invalid-request");
        assertProblem(client.get("/runs?limit=x"), 400, "invalid-request");
        assertThat(client.get("/runs?limit=5").status()).isEqualTo(200);
    }

    private void assertNothingRan() {
        assertThat(selftest.runs()).as("no run was started").isEmpty();
    }

    private static void assertProblem(HttpTestClient.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:selftest:problem:" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("\tat ", "Exception:");
    }
}
