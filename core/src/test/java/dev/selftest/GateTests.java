package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GateTests {
    private static final String TOKEN = "gate-token";
    private final ObjectMapper json = new ObjectMapper();
    private final CountDownLatch release = new CountDownLatch(1);
    private Served served;
    private Selftest selftest;
    private ControlApiClient client;

    @BeforeEach
    void start() {
        selftest = Scenarios.selftest().token(TOKEN)
                .scenario(Scenarios.readOnly("catalogue.lists", c -> { }, "smoke"))
                .scenario(Scenarios.readOnly("orders.place", c -> {
                    throw new AssertionError("order total was 0");
                }, "orders"))
                .scenario(Scenarios.readOnly("reports.slow", c -> release.await(), "slow"))
                .build();
        served = Served.start(selftest, TOKEN);
        client = served.client();
    }

    @AfterEach
    void stop() {
        release.countDown();
        served.close();
    }

    @Test
    void aPassingSelectionAnswers200WithPassedTrue() throws Exception {
        HttpResponse<String> response = client.post("/gate", "{\"tags\": \"smoke\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("passed").asBoolean()).isTrue();
        assertThat(body.get("finished").asBoolean()).isTrue();
        assertThat(body.get("trigger").asText()).as("gate runs are deployment checks").isEqualTo("deploy");
        assertThat(body.get("counts").get("passed").asInt()).isEqualTo(1);
        assertThat(body.get("links").get("self").asText()).isEqualTo("/selftest/runs/" + body.get("id").asText());
    }

    @Test
    void aFailingSelectionAnswersNon2xxWithTheFailures() throws Exception {
        HttpResponse<String> response = client.post("/gate", "{\"tags\": \"smoke | orders\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("passed").asBoolean()).isFalse();
        assertThat(body.get("status").asText()).isEqualTo("FAILED");
        assertThat(body.get("failures").get(0).get("scenario").asText()).isEqualTo("orders.place");
        assertThat(body.get("failures").get(0).get("message").asText()).isEqualTo("order total was 0");
    }

    @Test
    void aSelectionThatDoesNotFinishInTimeAnswers504AndKeepsRunning() throws Exception {
        HttpResponse<String> response = client.post("/gate?timeout=300ms", "{\"scenarios\": [\"reports.slow\"]}");
        assertThat(response.statusCode()).isEqualTo(504);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("passed").asBoolean()).isFalse();
        assertThat(body.get("finished").asBoolean()).isFalse();
        assertThat(body.get("timeout").asText()).isEqualTo("300ms");
        assertThat(selftest.findRun(body.get("id").asText())).hasValueSatisfying(
                run -> assertThat(run.status()).isEqualTo(RunStatus.RUNNING));
    }

    @Test
    void verdictInBodyAlwaysAnswers200ForArgoRollouts() throws Exception {
        HttpResponse<String> response = client.post("/gate?verdict=body", "{\"scenarios\": [\"orders.place\"]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("passed").asBoolean()).isFalse();
    }

    @Test
    void aFlaggerWebhookPayloadSelectsByItsMetadata() throws Exception {
        HttpResponse<String> response = client.post("/gate", """
                {"name": "orders", "namespace": "shop", "phase": "Progressing", "checksum": "abc",
                 "metadata": {"tags": "smoke"}}""");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("counts").get("total").asInt()).isEqualTo(1);
        assertThat(body.get("labels").get("flagger.name").asText()).isEqualTo("orders");
        assertThat(body.get("labels").get("flagger.phase").asText()).isEqualTo("Progressing");
    }

    @Test
    void anInvalidTimeoutIsABadRequestAndStartsNothing() throws Exception {
        HttpResponse<String> response = client.post("/gate?timeout=soon", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asText()).startsWith("timeout: 'soon' is not");
        assertThat(selftest.runs()).isEmpty();
    }

    @Test
    void theGateNeedsOperateAccessAndPost() throws Exception {
        assertThat(new ControlApiClient(served.server().baseUri(), "wrong").post("/gate", "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> get = client.get("/gate");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }
}
