package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RunEventsTests {
    private static final String TOKEN = "events-token";
    private final ObjectMapper json = new ObjectMapper();
    private final CountDownLatch secondStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private Served served;
    private Selftest selftest;
    private ControlApiClient client;

    private void start() {
        build();
        serve();
    }

    private void build() {
        selftest = Scenarios.selftest().token(TOKEN)
                .scenario(Scenarios.readOnly("first", c -> { }))
                .scenario(Scenarios.readOnly("second", c -> {
                    secondStarted.countDown();
                    release.await();
                }))
                .scenario(Scenarios.readOnly("third", c -> { throw new AssertionError("expected 200, got 500"); }))
                .build();
    }

    private void serve() {
        served = Served.start(selftest, TOKEN);
        client = served.client();
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (served != null) {
            served.close();
        }
    }

    private String startRun() throws Exception {
        HttpResponse<String> started = client.post("/runs", "{}");
        assertThat(started.statusCode()).isEqualTo(201);
        return json.readTree(started.body()).get("id").asText();
    }

    @Test
    void eventsArriveWhileTheRunIsGoingAndTheStreamEndsWithTheRun() throws Exception {
        start();
        String runId = startRun();
        assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<Stream<String>> response = client.events("/runs/" + runId + "/events");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();

        // The scenario "second" is still blocked: this event can only arrive if the server flushed it.
        ControlApiClient.Event snapshot = ControlApiClient.next(lines);
        assertThat(snapshot.name()).isEqualTo("snapshot");
        JsonNode run = json.readTree(snapshot.data());
        assertThat(run.get("status").asText()).isEqualTo("RUNNING");
        assertThat(run.get("scenarios").findValuesAsText("id")).containsExactly("first");
        assertThat(run.get("pending")).extracting(JsonNode::asText).containsExactly("second", "third");

        release.countDown();
        List<String> seen = new ArrayList<>();
        ControlApiClient.Event event;
        JsonNode finishedThird = null;
        JsonNode runFinished = null;
        while ((event = ControlApiClient.next(lines)) != null) {
            JsonNode data = json.readTree(event.data());
            seen.add(event.name() + (data.has("scenario") ? " " + data.get("scenario").asText() : ""));
            if (event.name().equals("scenario-finished") && data.get("scenario").asText().equals("third")) {
                finishedThird = data;
            }
            if (event.name().equals("run-finished")) {
                runFinished = data;
            }
        }
        assertThat(seen).as("a late client learns which scenario runs now").containsExactly(
                "scenario-started second", "scenario-finished second", "scenario-started third",
                "scenario-finished third", "run-finished");
        assertThat(finishedThird.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(finishedThird.get("message").asText()).isEqualTo("expected 200, got 500");
        assertThat(runFinished.get("status").asText()).isEqualTo("FAILED");
        assertThat(runFinished.get("counts").get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void aRunStartedBeforeTheControlApiWasFirstServedStreamsAllTheSame() throws Exception {
        build();
        String runId = selftest.start(RunRequest.all()).id();
        assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();
        serve();

        Iterator<String> lines = client.events("/runs/" + runId + "/events").body().iterator();
        assertThat(ControlApiClient.next(lines).name()).isEqualTo("snapshot");
        ControlApiClient.Event running = ControlApiClient.next(lines);
        assertThat(running.name()).isEqualTo("scenario-started");
        assertThat(json.readTree(running.data()).get("scenario").asText())
                .as("known although the run began before the control API was built").isEqualTo("second");
        release.countDown();
    }

    @Test
    void aClientConnectingAfterTheRunGetsTheSnapshotAndTheEnd() throws Exception {
        start();
        release.countDown();
        String runId = startRun();
        assertThat(selftest.await(runId, Duration.ofSeconds(10))).hasValueSatisfying(
                run -> assertThat(run.status().isFinished()).isTrue());

        Iterator<String> lines = client.events("/runs/" + runId + "/events").body().iterator();
        ControlApiClient.Event snapshot = ControlApiClient.next(lines);
        assertThat(snapshot.name()).isEqualTo("snapshot");
        assertThat(json.readTree(snapshot.data()).get("scenarios").findValuesAsText("id"))
                .containsExactly("first", "second", "third");
        ControlApiClient.Event finished = ControlApiClient.next(lines);
        assertThat(finished.name()).isEqualTo("run-finished");
        assertThat(json.readTree(finished.data()).get("passed").asBoolean()).isFalse();
        assertThat(ControlApiClient.next(lines)).isNull();
    }

    @Test
    void streamsBeyondTheLimitAreRefusedSoThatRequestThreadsStayFree() throws Exception {
        start();
        String runId = startRun();
        List<Stream<String>> open = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<Stream<String>> stream = client.events("/runs/" + runId + "/events");
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(ControlApiClient.next(stream.body().iterator()).name()).isEqualTo("snapshot");
            open.add(stream.body());
        }

        HttpResponse<String> refused = client.get("/runs/" + runId + "/events");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(client.get("/runs/" + runId).statusCode()).as("other calls still answered").isEqualTo(200);
        release.countDown();
        open.forEach(Stream::close);
    }

    @Test
    void eventsOfAnUnknownRunAreNotFound() throws Exception {
        start();
        HttpResponse<String> response = client.get("/runs/20261123-000000-abcdef/events");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void eventsNeedTheToken() throws Exception {
        start();
        release.countDown();
        String runId = startRun();
        HttpResponse<String> response = new ControlApiClient(served.server().baseUri(), "wrong")
                .get("/runs/" + runId + "/events");
        assertThat(response.statusCode()).isEqualTo(401);
    }
}
