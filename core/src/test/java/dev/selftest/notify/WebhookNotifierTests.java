package dev.selftest.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.selftest.ConfigSource;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.RunStatus;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.Trigger;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WebhookNotifierTests {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ObjectMapper json = new ObjectMapper();
    /** Bodies the receiver got, in order. */
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    /** Statuses the receiver answers with, one per request; 200 once empty. */
    private final BlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private HttpServer receiver;
    private Selftest selftest;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                Integer status = statuses.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (selftest != null) {
            selftest.close();
        }
        receiver.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    private Selftest selftest(WebhookNotifier notifier) {
        Scenario toggling = Scenario.builder("payments.authorise").safety(Safety.READ_ONLY).body(context -> {
            if (!healthy.get()) {
                throw new AssertionError("payment provider answered 503");
            }
        }).build();
        selftest = Selftest.builder().config(ConfigSource.of(Map.of())).environment("staging")
                .scenario(toggling).listener(notifier).build();
        return selftest;
    }

    private Run run(Trigger trigger) throws InterruptedException {
        Run run = selftest.run(RunRequest.builder().trigger(trigger).label("commit", "abc123").build(), WAIT);
        assertThat(run.status().isFinished()).isTrue();
        return run;
    }

    private JsonNode nextMessage() throws Exception {
        String body = received.poll(10, TimeUnit.SECONDS);
        assertThat(body).as("a webhook message").isNotNull();
        return json.readTree(body);
    }

    @Test
    void aFailedDeployRunPostsASlackCompatibleMessage() throws Exception {
        try (WebhookNotifier notifier = WebhookNotifier.builder(hook())
                .linkBase(URI.create("https://orders.example.com/selftest")).build()) {
            selftest(notifier);
            healthy.set(false);
            Run run = run(Trigger.DEPLOY);

            JsonNode message = nextMessage();
            assertThat(message.get("event").asText()).isEqualTo("deploy-run-failed");
            assertThat(message.get("text").asText())
                    .startsWith("Selftest [staging]: deployment check FAILED, 1 of 1 scenarios failed (commit abc123)")
                    .contains("payments.authorise FAILED: payment provider answered 503")
                    .endsWith("Run: https://orders.example.com/selftest/runs/" + run.id());
            assertThat(message.get("environment").asText()).isEqualTo("staging");
            assertThat(message.get("scenarios").get(0).get("message").asText())
                    .isEqualTo("payment provider answered 503");
        }
    }

    @Test
    void passingDeployRunsAndManualFailuresStayQuiet() throws Exception {
        try (WebhookNotifier notifier = WebhookNotifier.builder(hook()).build()) {
            selftest(notifier);
            run(Trigger.DEPLOY);
            healthy.set(false);
            run(Trigger.MANUAL);
            run(Trigger.CI);
            Run failedDeploy = run(Trigger.DEPLOY);

            // Messages go out in order, so the first one being this run's proves the earlier runs sent none.
            JsonNode message = nextMessage();
            assertThat(message.get("runId").asText()).isEqualTo(failedDeploy.id());
            assertThat(message.get("trigger").asText()).isEqualTo("deploy");
            assertThat(received).isEmpty();
        }
    }

    @Test
    void aScheduledScenarioNotifiesOnceWhenItStartsFailingAndOnceWhenItRecovers() throws Exception {
        try (WebhookNotifier notifier = WebhookNotifier.builder(hook()).build()) {
            selftest(notifier);
            run(Trigger.SCHEDULE);
            healthy.set(false);
            run(Trigger.SCHEDULE);
            run(Trigger.SCHEDULE);
            run(Trigger.SCHEDULE);
            healthy.set(true);
            run(Trigger.SCHEDULE);
            run(Trigger.SCHEDULE);
            healthy.set(false);
            run(Trigger.SCHEDULE);

            JsonNode failing = nextMessage();
            assertThat(failing.get("event").asText()).isEqualTo("scenario-failing");
            assertThat(failing.get("scenario").get("id").asText()).isEqualTo("payments.authorise");
            assertThat(failing.get("text").asText()).startsWith(
                    "Selftest [staging]: scenario payments.authorise is FAILING: payments.authorise FAILED: "
                            + "payment provider answered 503");
            JsonNode recovered = nextMessage();
            assertThat(recovered.get("event").asText()).isEqualTo("scenario-recovered");
            assertThat(recovered.get("text").asText()).contains("payments.authorise passes again");
            assertThat(nextMessage().get("event").asText()).isEqualTo("scenario-failing");
            assertThat(received).as("no repeats while the failure persists").isEmpty();
        }
    }

    @Test
    void deliveryIsRetriedWithBackoffUntilTheReceiverAccepts() throws Exception {
        statuses.add(503);
        statuses.add(502);
        try (WebhookNotifier notifier = WebhookNotifier.builder(hook()).initialBackoff(Duration.ofMillis(50))
                .build()) {
            selftest(notifier);
            healthy.set(false);
            run(Trigger.DEPLOY);

            String first = received.poll(10, TimeUnit.SECONDS);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(first);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(first);
            assertThat(statuses).isEmpty();
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("accepted: no further attempt").isNull();
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        statuses.add(404);
        try (WebhookNotifier notifier = WebhookNotifier.builder(hook()).initialBackoff(Duration.ofMillis(10))
                .build()) {
            selftest(notifier);
            healthy.set(false);
            run(Trigger.DEPLOY);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aHangingReceiverNeverBlocksTheRun() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        receiver.removeContext("/hook");
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                received.add("held");
                hold.await();
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (WebhookNotifier notifier = WebhookNotifier.builder(hook()).build()) {
            selftest(notifier);
            healthy.set(false);
            run(Trigger.DEPLOY);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("held");
            // the receiver still holds the first message; the next deploy run finishes all the same
            assertThat(run(Trigger.DEPLOY).status()).isEqualTo(RunStatus.FAILED);
        } finally {
            hold.countDown();
        }
    }

    @Test
    void configurationAloneTurnsTheNotifierOn() throws Exception {
        selftest = Selftest.builder().config(ConfigSource.of(Map.of(WebhookNotifier.URL, hook().toString(),
                        WebhookNotifier.LINK_BASE, "https://orders.example.com/selftest")))
                .scenario(Scenario.builder("fails").safety(Safety.READ_ONLY).body(c -> {
                    throw new AssertionError("no");
                }).build())
                .build();
        Run run = run(Trigger.DEPLOY);
        assertThat(nextMessage().get("link").asText())
                .isEqualTo("https://orders.example.com/selftest/runs/" + run.id());
    }

    @Test
    void theSchedulerAndTheConfiguredNotifierTogetherReportATransitionOnce() throws Exception {
        selftest = Selftest.builder().config(ConfigSource.of(Map.of(WebhookNotifier.URL, hook().toString())))
                .environment("production")
                .scenario(Scenario.builder("payments.authorise").safety(Safety.READ_ONLY).tags("smoke")
                        .body(context -> {
                            if (!healthy.get()) {
                                throw new AssertionError("payment provider answered 503");
                            }
                        }).build())
                .schedule(Duration.ofMillis(100))
                .setting("selftest.schedule.initial-delay", "0s")
                .build();
        healthy.set(false);
        JsonNode failing = nextMessage();
        assertThat(failing.get("event").asText()).isEqualTo("scenario-failing");
        assertThat(failing.get("trigger").asText()).isEqualTo("schedule");

        int runsSoFar = selftest.runs().size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (selftest.runs().size() < runsSoFar + 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(selftest.runs().size()).as("three more scheduled runs").isGreaterThanOrEqualTo(runsSoFar + 3);
        healthy.set(true);
        assertThat(nextMessage().get("event").asText()).as("no repeats in between").isEqualTo("scenario-recovered");
    }

    @Test
    void invalidConfigurationNamesTheKey() {
        assertThat(WebhookNotifier.fromConfig(ConfigSource.of(Map.of()))).isEmpty();
        assertThatThrownBy(() -> WebhookNotifier.fromConfig(ConfigSource.of(Map.of(WebhookNotifier.URL, "hooks/x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("selftest.notify.webhook.url");
    }
}
