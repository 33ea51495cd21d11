package dev.selftest.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control API's contract on a real MicroProfile runtime, called over HTTP. Each runtime the adapter is proven on
 * extends this class: it boots the runtime on a free port with the {@link TestScenarios} beans,
 * {@code selftest.token=test-token} and {@code selftest.environment=ci}, and says where the runtime is.
 */
public abstract class ControlApiContractTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient STREAMS = HttpClient.newHttpClient();

    private Http http;

    /** The root URI of the booted application, ending in {@code /}. */
    protected abstract URI root();

    /** Where the runtime serves MicroProfile Health, such as {@code /q/health} or {@code /health}. */
    protected abstract String healthPath();

    /**
     * Whether the runtime sends what a streamed body flushes at once. Jakarta REST leaves this to the
     * implementation; a runtime that answers false is known to deliver server-sent events only when the run ends.
     */
    protected boolean sendsFlushedWritesAtOnce() {
        return true;
    }

    @BeforeEach
    void client() {
        http = Http.anonymous(root()).bearer("test-token");
    }

    @Test
    void indexLinksBelowTheMountPath() throws Exception {
        HttpResponse<String> response = http.get("/selftest");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode index = JSON.readTree(response.body());
        assertThat(index.path("environment").asText()).isEqualTo("ci");
        assertThat(index.path("links").path("runs").asText()).isEqualTo("/selftest/runs");
    }

    @Test
    void scenarioAndScenarioListBeansAreDiscoveredThroughCdiInIdOrderThenTheDiscoveries() throws Exception {
        JsonNode scenarios = JSON.readTree(http.get("/selftest/scenarios").body()).path("scenarios");
        int discoveries = TestScenarios.DISCOVERIES.get();
        http.get("/selftest/scenarios");

        assertThat(scenarios.findValuesAsText("id"))
                .containsExactly("greeting.fails", "greeting.passes", "greeting.readiness", "greeting.reset",
                        "greeting.slow", "greeting.tracked", "listed.first", "listed.second", "listed.third");
        assertThat(discoveries).as("the Supplier<List<Scenario>> bean was called").isPositive();
        assertThat(TestScenarios.DISCOVERIES).as("and only once").hasValue(discoveries);
    }

    @Test
    void runStartsWithCreatedAndLocationAndCanBeReadBack() throws Exception {
        HttpResponse<String> started = http.postJson("/selftest/runs?wait=20s",
                "{\"scenarios\":[\"greeting.passes\"],\"trigger\":\"deploy\",\"labels\":{\"commit\":\"abc123\"}}");

        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode run = JSON.readTree(started.body());
        assertThat(run.path("status").asText()).isEqualTo("PASSED");
        assertThat(run.path("labels").path("commit").asText()).isEqualTo("abc123");
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(location).getPath()).isEqualTo("/selftest/runs/" + run.path("id").asText());

        HttpResponse<String> readBack = http.get(URI.create(location).getPath());
        assertThat(readBack.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readBack.body()).path("passed").asBoolean()).isTrue();
    }

    @Test
    void failingScenarioFailsTheRunAndItsJunitReport() throws Exception {
        JsonNode run = JSON.readTree(http.postJson("/selftest/runs?wait=20s", "{\"tags\":\"broken\"}").body());

        assertThat(run.path("status").asText()).isEqualTo("FAILED");
        HttpResponse<String> junit = http.get("/selftest/runs/" + run.path("id").asText() + "/junit.xml");
        assertThat(junit.statusCode()).isEqualTo(200);
        assertThat(junit.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(junit.body()).contains("<testsuite", "greeting.fails", "the greeting was rude");
    }

    @Test
    void trackedResourceIsRemovedByTheCleanupHandlerBean() throws Exception {
        JsonNode run = JSON.readTree(http.postJson("/selftest/runs?wait=20s",
                "{\"scenarios\":[\"greeting.tracked\"]}").body());

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("PASSED");
        JsonNode cleanup = run.path("scenarios").get(0).path("cleanup");
        assertThat(cleanup).hasSize(1);
        assertThat(cleanup.get(0).path("cleaned").asBoolean()).as(cleanup.toString()).isTrue();
    }

    @Test
    void runningRunCanBeCancelledOnceAndThenConflicts() throws Exception {
        JsonNode run = JSON.readTree(http.postJson("/selftest/runs", "{\"scenarios\":[\"greeting.slow\"]}").body());
        String path = "/selftest/runs/" + run.path("id").asText();

        assertThat(http.method("DELETE", path).statusCode()).isEqualTo(202);
        JsonNode cancelled = JSON.readTree(http.get(path + "?wait=20s").body());
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertProblem(http.method("DELETE", path), 409, "run-finished");
    }

    @Test
    void runEventsStreamWhileTheRunIsStillRunning() throws Exception {
        assumeTrue(sendsFlushedWritesAtOnce(), "this runtime holds back flushed writes of a streamed body");
        String path = "/selftest/runs/" + JSON.readTree(http.postJson("/selftest/runs",
                "{\"scenarios\":[\"greeting.slow\"]}").body()).path("id").asText();

        HttpResponse<Stream<String>> events = STREAMS.sendAsync(HttpRequest.newBuilder(root()
                        .resolve(path.substring(1) + "/events")).header("Authorization", "Bearer test-token").build(),
                HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        try (Stream<String> lines = events.body()) {
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            String first = CompletableFuture.supplyAsync(() -> lines.iterator().next()).get(5, TimeUnit.SECONDS);
            assertThat(first).isEqualTo("event: snapshot");
        } finally {
            http.method("DELETE", path);
        }
    }

    @Test
    void gateAnswersTheVerdictInItsStatus() throws Exception {
        HttpResponse<String> passed = http.postJson("/selftest/gate?timeout=20s",
                "{\"scenarios\":[\"greeting.passes\"]}");
        HttpResponse<String> failed = http.postJson("/selftest/gate?timeout=20s",
                "{\"scenarios\":[\"greeting.fails\"]}");

        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(passed.body()).path("passed").asBoolean()).isTrue();
        assertThat(failed.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(failed.body()).path("failures").findValuesAsText("scenario"))
                .containsExactly("greeting.fails");
    }

    @Test
    void dashboardPageIsServedBelowTheMountPath() {
        HttpResponse<String> page = Http.anonymous(root()).get("/selftest/ui");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("/selftest");
    }

    @Test
    void missingOrWrongTokenIsUnauthorizedWithAChallenge() {
        HttpResponse<String> missing = Http.anonymous(root()).get("/selftest/scenarios");
        HttpResponse<String> wrong = Http.anonymous(root()).bearer("not-the-token").get("/selftest/scenarios");

        assertProblem(missing, 401, "unauthorized");
        assertProblem(wrong, 401, "unauthorized");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"selftest\"");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        assertProblem(http.postJson("/selftest/runs", "{\"scenarios\": [oops"), 400, "invalid-request");
    }

    @Test
    void unknownFieldIsRefusedSoATypoNeverRunsEverything() {
        HttpResponse<String> response = http.postJson("/selftest/runs", "{\"scenario\":[\"greeting.passes\"]}");

        assertProblem(response, 400, "invalid-request");
        assertThat(response.body()).contains("scenario");
    }

    @Test
    void unknownScenarioIsABadRequestProblem() {
        assertProblem(http.postJson("/selftest/runs", "{\"scenarios\":[\"no.such\"]}"), 400, "invalid-request");
    }

    @Test
    void bodyThatIsNotJsonIsUnsupported() {
        assertProblem(http.post("/selftest/runs", "text/plain", "run everything"), 415, "unsupported-media-type");
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        String huge = "{\"labels\":{\"x\":\"" + "a".repeat(70 * 1024) + "\"}}";

        assertProblem(http.postJson("/selftest/runs", huge), 413, "request-too-large");
    }

    @Test
    void unknownRunAndEndpointAreNotFound() {
        assertProblem(http.get("/selftest/runs/20261123-101500-a1b2c3"), 404, "not-found");
        assertProblem(http.get("/selftest/nothing-here"), 404, "not-found");
    }

    @Test
    void unsupportedMethodIsAProblemWithAllow() {
        HttpResponse<String> response = http.method("PUT", "/selftest/runs");

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void runtimeHealthIsPublicAndLivenessDoesNotDependOnScenarios() {
        http.postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.fails\"]}");

        HttpResponse<String> live = Http.anonymous(root()).get(healthPath() + "/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).doesNotContain("selftest");
        assertThat(Http.anonymous(root()).get(healthPath() + "/ready").statusCode()).isIn(200, 503);
    }

    @Test
    void kpiSnapshotCountsRuns() throws Exception {
        http.postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.passes\"]}");

        HttpResponse<String> response = http.get("/selftest/kpis");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode kpis = JSON.readTree(response.body());
        assertThat(kpis.path("environment").asText()).isEqualTo("ci");
        assertThat(kpis.path("runs").path("lastHour").path("runs").asInt()).as(response.body()).isPositive();
    }

    @Test
    void selftestsOwnHealthEndpointIsPublicWithoutDetails() throws Exception {
        HttpResponse<String> response = Http.anonymous(root()).get("/selftest/health/ready");

        assertThat(response.statusCode()).isIn(200, 503);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isIn("UP", "DOWN");
        assertThat(health.findValues("data")).allSatisfy(data -> assertThat(data.isEmpty()).isTrue());
    }

    @Test
    void failingWatchedScenarioTakesRuntimeReadinessDownAndAPassBringsItBack() {
        http.postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.readiness\"],\"trigger\":\"ci\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertReadiness(503, "DOWN"));
        assertThat(Http.anonymous(root()).get(healthPath() + "/live").statusCode()).isEqualTo(200);

        http.postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.readiness\"],\"trigger\":\"manual\"}");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertReadiness(200, "UP"));
    }

    private void assertReadiness(int httpStatus, String selftestStatus) throws java.io.IOException {
        HttpResponse<String> ready = Http.anonymous(root()).get(healthPath() + "/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(httpStatus);
        JsonNode selftest = null;
        for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
            if (check.path("name").asText().equals(SelftestReadiness.NAME)) {
                selftest = check;
            }
        }
        assertThat(selftest).as("the selftest check in " + ready.body()).isNotNull();
        assertThat(selftest.path("status").asText()).isEqualTo(selftestStatus);
        assertThat(selftest.path("data").path("selftest-scenarios").asText()).isEqualTo(selftestStatus);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        try {
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asText()).isEqualTo("urn:selftest:problem:" + type);
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("detail").asText()).isNotBlank();
            assertThat(response.body()).doesNotContain("at dev.selftest", "Exception");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
