package dev.selftest.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract of the control API ({@code docs/http-api.md}), proven over real HTTP. A transport's test extends
 * this class, serves {@link ContractFixture} and answers {@link #baseUri()}; every test here then runs against it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ControlApiContractTests {
    private static final String PROBLEM = "application/problem+json";
    private static final String PREFIX = "urn:selftest:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The base URI of the control API under test, such as {@code http://127.0.0.1:8080/selftest}. */
    protected abstract URI baseUri();

    @Test
    void indexAnswersNameEnvironmentAndLinks() {
        Answer answer = send(get(""));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().path("name").asText()).isEqualTo("selftest");
        assertThat(answer.json().path("environment").asText()).isEqualTo(ContractFixture.ENVIRONMENT);
        assertThat(answer.json().path("links").path("runs").asText()).isEqualTo(basePath() + "/runs");
    }

    @Test
    void missingTokenIsUnauthorizedWithBearerChallenge() {
        Answer answer = send(HttpRequest.newBuilder(uri("/scenarios")).GET());
        assertProblem(answer, 401, "unauthorized", "/scenarios");
        assertThat(answer.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"selftest\"");
    }

    @Test
    void wrongTokenIsUnauthorized() {
        Answer answer = send(HttpRequest.newBuilder(uri("/scenarios")).header("Authorization", "Bearer nope").GET());
        assertProblem(answer, 401, "unauthorized", "/scenarios");
        assertThat(answer.json().path("detail").asText()).contains("not valid");
    }

    @Test
    void scenariosShowSafetyAndWhyTheEnvironmentRefusesOne() {
        Answer answer = send(get("/scenarios"));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode scenarios = answer.json().path("scenarios");
        assertThat(scenarios).hasSize(ContractFixture.scenarios().size());
        JsonNode destructive = scenario(scenarios, ContractFixture.DESTRUCTIVE);
        assertThat(destructive.path("safety").asText()).isEqualTo("DESTRUCTIVE");
        assertThat(destructive.path("allowed").asBoolean()).isFalse();
        assertThat(destructive.path("refusal").asText()).contains("production");
        assertThat(scenario(scenarios, ContractFixture.PASSES).path("allowed").asBoolean()).isTrue();
    }

    @Test
    void passingRunIsCreatedWithLocationAndReadableAgain() {
        Answer created = send(post("/runs?wait=30s", "{\"scenarios\":[\"" + ContractFixture.PASSES + "\"]}"));
        assertThat(created.status()).isEqualTo(201);
        String location = created.response().headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(basePath() + "/runs/" + created.json().path("id").asText());
        assertThat(created.json().path("status").asText()).isEqualTo("PASSED");
        assertThat(created.json().path("passed").asBoolean()).isTrue();

        Answer again = send(get(location.substring(basePath().length())));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(created.json().path("id").asText());
    }

    @Test
    void failingScenarioFailsTheRunAndShowsInJUnitXml() {
        Answer created = send(post("/runs?wait=30s", "{\"scenarios\":[\"" + ContractFixture.FAILS + "\"]}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(created.json().path("scenarios").get(0).path("failure").path("message").asText())
                .contains("expected 1 product");

        Answer xml = send(get("/runs/" + created.json().path("id").asText() + "/junit.xml"));
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");
        assertThat(xml.body()).contains("<testsuite").contains(ContractFixture.FAILS).contains("<failure");
    }

    @Test
    void runsListsTheNewestRunFirst() {
        Answer created = send(post("/runs?wait=30s", "{\"scenarios\":[\"" + ContractFixture.PASSES + "\"]}"));
        Answer list = send(get("/runs?limit=1"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("runs")).hasSize(1);
        assertThat(list.json().path("runs").get(0).path("id").asText()).isEqualTo(created.json().path("id").asText());
    }

    @Test
    void forbiddenScenarioIsRefusedAndNothingRuns() {
        int before = send(get("/runs")).json().path("runs").size();
        Answer answer = send(post("/runs", "{\"scenarios\":[\"" + ContractFixture.DESTRUCTIVE + "\"]}"));
        assertProblem(answer, 403, "scenario-forbidden", "/runs");
        assertThat(answer.json().path("refused").path(ContractFixture.DESTRUCTIVE).asText()).contains("production");
        assertThat(send(get("/runs")).json().path("runs").size()).isEqualTo(before);
    }

    @Test
    void unknownFieldIsRefusedSoATypoNeverRunsEverything() {
        Answer answer = send(post("/runs", "{\"scenario\":[\"" + ContractFixture.PASSES + "\"]}"));
        assertProblem(answer, 400, "invalid-request", "/runs");
        assertThat(answer.json().path("detail").asText()).contains("scenario");
    }

    @Test
    void invalidTagExpressionIsRefusedWithItsPosition() {
        Answer answer = send(post("/runs", "{\"tags\":\"smoke &\"}"));
        assertProblem(answer, 400, "invalid-request", "/runs");
    }

    @Test
    void invalidWaitIsRefused() {
        assertProblem(send(post("/runs?wait=soon", "{}")), 400, "invalid-request", "/runs");
    }

    @Test
    void bodyThatIsNotJsonIsUnsupported() {
        Answer answer = send(authorized(uri("/runs")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("run everything")));
        assertProblem(answer, 415, "unsupported-media-type", "/runs");
    }

    @Test
    void bodyOverTheLimitIsTooLarge() {
        String labels = "{\"labels\":{\"x\":\"" + "a".repeat(70 * 1024) + "\"}}";
        assertProblem(send(post("/runs", labels)), 413, "request-too-large", "/runs");
    }

    @Test
    void unknownEndpointIsNotFound() {
        assertProblem(send(get("/nothing-here")), 404, "not-found", "/nothing-here");
    }

    @Test
    void unknownRunIsNotFound() {
        assertProblem(send(get("/runs/20200101-000000-abcdef")), 404, "not-found", "/runs/20200101-000000-abcdef");
    }

    @Test
    void wrongMethodIsNotAllowedAndSaysWhatIs() {
        Answer answer = send(authorized(uri("/scenarios")).PUT(HttpRequest.BodyPublishers.noBody()));
        assertProblem(answer, 405, "method-not-allowed", "/scenarios");
        assertThat(answer.response().headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void runningRunIsCancelledAndAFinishedOneIsConflict() {
        Answer started = send(post("/runs", "{\"scenarios\":[\"" + ContractFixture.SLOW + "\"]}"));
        assertThat(started.status()).isEqualTo(201);
        String run = "/runs/" + started.json().path("id").asText();

        Answer cancelled = send(authorized(uri(run)).DELETE());
        assertThat(cancelled.status()).isEqualTo(202);

        Answer finished = send(get(run + "?wait=30s"));
        assertThat(finished.json().path("status").asText()).isEqualTo("CANCELLED");
        assertProblem(send(authorized(uri(run)).DELETE()), 409, "run-finished", run);
    }

    @Test
    void healthStatusIsPublic() {
        Answer health = send(HttpRequest.newBuilder(uri("/health")).GET());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(send(HttpRequest.newBuilder(uri("/health/live")).GET()).status()).isEqualTo(200);
    }

    @Test
    void dashboardPageIsServedWithoutCredentials() {
        Answer page = send(HttpRequest.newBuilder(uri("/ui")).GET());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).containsIgnoringCase("<html");
    }

    @Test
    void gateAnswersTheVerdictInItsStatus() {
        Answer passed = send(post("/gate?timeout=30s", "{\"scenarios\":[\"" + ContractFixture.PASSES + "\"]}"));
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
        assertThat(passed.json().path("passed").asBoolean()).isTrue();

        Answer failed = send(post("/gate?timeout=30s", "{\"scenarios\":[\"" + ContractFixture.FAILS + "\"]}"));
        assertThat(failed.status()).as(failed.body()).isEqualTo(422);
        assertThat(failed.json().path("passed").asBoolean()).isFalse();

        Answer unfinished = send(post("/gate?timeout=200ms", "{\"scenarios\":[\"" + ContractFixture.SLOW + "\"]}"));
        assertThat(unfinished.status()).as(unfinished.body()).isEqualTo(504);
        send(authorized(uri("/runs/" + unfinished.json().path("id").asText())).DELETE());
    }

    @Test
    void eventsStreamWhileTheRunIsRunningAndEndWithIt() throws Exception {
        Answer started = send(post("/runs", "{\"scenarios\":[\"" + ContractFixture.SLOW + "\"]}"));
        String run = "/runs/" + started.json().path("id").asText();
        HttpResponse<java.util.stream.Stream<String>> stream = client.send(authorized(uri(run + "/events")).GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        java.util.Iterator<String> lines = stream.body().iterator();
        assertThat(lines.next()).as("the snapshot arrives while the run is still running")
                .isEqualTo("event: snapshot");

        send(authorized(uri(run)).DELETE());
        java.util.List<String> rest = new java.util.ArrayList<>();
        lines.forEachRemaining(rest::add);
        assertThat(rest).contains("event: run-finished");
    }

    @Test
    void cleanupRunsTheSweepers() {
        Answer answer = send(post("/cleanup", ""));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("cleaned").asBoolean()).isTrue();
    }

    /** The path part of {@link #baseUri()}, as links in responses carry it. */
    protected final String basePath() {
        return baseUri().getRawPath();
    }

    /** A request builder for a path below the base, with the fixture's token. */
    protected final HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ContractFixture.TOKEN);
    }

    /** The URI of a path below the base, such as {@code /runs?limit=1}. */
    protected final URI uri(String below) {
        return URI.create(baseUri() + below);
    }

    private HttpRequest.Builder get(String below) {
        return authorized(uri(below)).GET();
    }

    private HttpRequest.Builder post(String below, String json) {
        return authorized(uri(below)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** Sends a request and reads the whole answer. */
    protected final Answer send(HttpRequest.Builder request) {
        try {
            return new Answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void assertProblem(Answer answer, int status, String type, String below) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(PROBLEM);
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).isEqualTo(PREFIX + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("\tat ");
        assertThat(problem.path("instance").asText()).isEqualTo(basePath() + below.split("\\?", 2)[0]);
    }

    private static JsonNode scenario(JsonNode scenarios, String id) {
        for (JsonNode scenario : scenarios) {
            if (scenario.path("id").asText().equals(id)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + id + " in " + scenarios);
    }

    /** One HTTP answer. */
    protected record Answer(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }
    }
}
