package dev.selftest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.Selftest;
import dev.selftest.health.HealthCheckOptions;
import dev.selftest.health.HealthKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthEndpointsTests {
    private Selftest selftest;
    private Http http;

    private Http serve(Selftest.Builder builder) {
        selftest = builder.token(Http.TOKEN).build();
        http = new Http(selftest);
        return http;
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (selftest != null) {
            selftest.close();
        }
    }

    private static HealthCheck up(String name) {
        return () -> HealthCheckResponse.named(name).up().withData("pool", "primary").withData("active", 3).build();
    }

    private static HealthCheck down(String name) {
        return () -> HealthCheckResponse.named(name).down().withData("reason", "disk full").build();
    }

    /** Waits until every check has answered once (checks start in the background with the application). */
    private HttpResponse<String> settled(String path) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !http.getAuthorized(path).body().contains("not checked yet"));
        return http.get(path);
    }

    @Test
    void eachEndpointServesItsKindInMicroProfileFormat() {
        serve(Selftest.builder()
                .healthCheck(HealthKind.LIVENESS, up("heap"))
                .healthCheck(HealthKind.READINESS, up("database"))
                .healthCheck(HealthKind.STARTUP, up("migrations")));

        for (var expected : List.of(List.of("/health/live", "heap"), List.of("/health/ready", "database"),
                List.of("/health/started", "migrations"))) {
            HttpResponse<String> response = settled(expected.get(0));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode body = Http.json(response);
            HealthSchema.assertValid(body);
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.get("checks")).hasSize(1);
            assertThat(body.get("checks").get(0).get("name").asText()).isEqualTo(expected.get(1));
            assertThat(body.get("checks").get(0).get("status").asText()).isEqualTo("UP");
        }
        JsonNode all = Http.json(settled("/health"));
        HealthSchema.assertValid(all);
        assertThat(all.get("checks")).extracting(check -> check.get("name").asText())
                .containsExactlyInAnyOrder("heap", "database", "migrations");
    }

    @Test
    void downCheckAnswers503AndOnlyItsKindIsDown() {
        serve(Selftest.builder()
                .healthCheck(HealthKind.LIVENESS, up("heap"))
                .healthCheck(HealthKind.READINESS, down("database")));

        HttpResponse<String> ready = settled("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        JsonNode body = Http.json(ready);
        HealthSchema.assertValid(body);
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(settled("/health/live").statusCode()).isEqualTo(200);
        assertThat(settled("/health").statusCode()).isEqualTo(503);
    }

    @Test
    void checkThatThrowsIsReportedAsDownEntryWith500() {
        serve(Selftest.builder()
                .healthCheck(HealthKind.READINESS, up("cache"))
                .healthCheck(HealthKind.READINESS, () -> {
                    throw new IllegalStateException("connection refused");
                }, HealthCheckOptions.defaults().withName("payments")));

        HttpResponse<String> anonymous = settled("/health/ready");
        assertThat(anonymous.statusCode()).isEqualTo(500);
        JsonNode body = Http.json(anonymous);
        HealthSchema.assertValid(body);
        JsonNode payments = checkNamed(body, "payments");
        assertThat(payments.get("status").asText()).isEqualTo("DOWN");
        assertThat(payments.has("data")).as("no details for anonymous callers").isFalse();

        JsonNode detailed = Http.json(http.getAuthorized("/health/ready"));
        HealthSchema.assertValid(detailed);
        assertThat(checkNamed(detailed, "payments").get("data").get("rootCause").asText())
                .isEqualTo("java.lang.IllegalStateException: connection refused");
    }

    @Test
    void checkThatThrowsBeforeEverAnsweringIsNamedAfterItsClass() {
        HealthCheck failing = new ThrowingCheck();
        serve(Selftest.builder().healthCheck(HealthKind.LIVENESS, failing));

        JsonNode body = Http.json(settled("/health/live"));
        assertThat(body.get("checks").get(0).get("name").asText()).isEqualTo(ThrowingCheck.class.getName());
    }

    private static final class ThrowingCheck implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            throw new IllegalStateException("not yet");
        }
    }

    @Test
    void dataIsShownOnlyToAuthorizedCallersByDefault() {
        serve(Selftest.builder().healthCheck(HealthKind.READINESS, up("database")));

        JsonNode anonymous = Http.json(settled("/health/ready"));
        assertThat(anonymous.get("checks").get(0).has("data")).isFalse();
        HttpResponse<String> wrongToken = http.getWithToken("/health/ready", "not-the-token");
        assertThat(wrongToken.statusCode()).isEqualTo(200);
        assertThat(Http.json(wrongToken).get("checks").get(0).has("data")).isFalse();

        JsonNode authorized = Http.json(http.getAuthorized("/health/ready"));
        HealthSchema.assertValid(authorized);
        JsonNode data = authorized.get("checks").get(0).get("data");
        assertThat(data.get("pool").asText()).isEqualTo("primary");
        assertThat(data.get("active").asInt()).isEqualTo(3);
    }

    @Test
    void showDetailsAlwaysShowsDataToEveryone() {
        serve(Selftest.builder().setting("selftest.health.show-details", "always")
                .healthCheck(HealthKind.READINESS, up("database")));

        assertThat(Http.json(settled("/health/ready")).get("checks").get(0).get("data").get("pool").asText())
                .isEqualTo("primary");
    }

    @Test
    void healthIsPublicEvenWithoutAToken() {
        selftest = Selftest.builder().healthCheck(HealthKind.LIVENESS, up("heap")).build();
        http = new Http(selftest);

        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/live").statusCode() == 200);
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/scenarios").statusCode()).as("the rest stays off").isEqualTo(403);
    }

    @Test
    void noChecksMeansUpWithAnEmptyList() {
        serve(Selftest.builder());

        for (String path : List.of("/health", "/health/live", "/health/ready", "/health/started")) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = Http.json(response);
            HealthSchema.assertValid(body);
            assertThat(body.get("checks")).isEmpty();
        }
    }

    @Test
    void readinessAndStartupAreDownUntilTheFirstAnswerButLivenessIsUp() {
        CountDownLatch release = new CountDownLatch(1);
        HealthCheck slow = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.up("slow");
        };
        serve(Selftest.builder().setting("selftest.health.timeout", "1m")
                .healthCheck(HealthKind.LIVENESS, slow)
                .healthCheck(HealthKind.READINESS, slow)
                .healthCheck(HealthKind.STARTUP, slow));
        try {
            assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
            assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
            assertThat(http.get("/health/started").statusCode()).isEqualTo(503);
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").statusCode() == 200);
    }

    @Test
    void responsesCarryCacheControlMaxAgeOfTheTtl() {
        serve(Selftest.builder().setting("selftest.health.ttl", "15s")
                .healthCheck(HealthKind.LIVENESS, up("heap")));

        assertThat(http.get("/health/live").headers().firstValue("Cache-Control")).hasValue("max-age=15");
    }

    @Test
    void unknownHealthPathIsNotFoundAndPostIsNotAllowed() {
        serve(Selftest.builder());

        HttpResponse<String> unknown = http.get("/health/sideways");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> post = http.send("POST", "/health/ready");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(http.send("HEAD", "/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void schemaCheckRejectsBodiesThatAreNotMicroProfileHealth() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (String invalid : List.of("{\"status\":\"UP\"}", "{\"status\":\"UP\",\"checks\":[{\"status\":\"UP\"}]}",
                "{\"status\":\"UP\",\"checks\":[],\"extra\":1}",
                "{\"status\":\"UP\",\"checks\":[{\"name\":\"a\",\"status\":\"UP\",\"data\":{\"k\":{}}}]}")) {
            JsonNode body = mapper.readTree(invalid);
            assertThatThrownBy(() -> HealthSchema.assertValid(body)).as(invalid).isInstanceOf(AssertionError.class);
        }
    }

    private static JsonNode checkNamed(JsonNode body, String name) {
        for (JsonNode check : body.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check named " + name + " in " + body);
    }
}
