package dev.selftest.internal.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunStatus;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.Trigger;
import dev.selftest.internal.threads.DaemonThreads;
import dev.selftest.notify.WebhookNotifier;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@link WebhookNotifier}. Decides on the run's thread (cheap), delivers on a single thread of its own.
 * Whether a scheduled scenario is failing is remembered per scenario id, so a persisting failure notifies once and its
 * recovery once.
 */
public final class DefaultWebhookNotifier implements WebhookNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultWebhookNotifier.class);
    /** Messages waiting for delivery or a retry; beyond this, new ones are dropped (and logged). */
    private static final int MAX_PENDING = 100;

    private final WebhookSettings settings;
    private final WebhookMessages messages;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client;
    private final ScheduledExecutorService sender;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pending = new AtomicInteger();

    public DefaultWebhookNotifier(WebhookSettings settings) {
        this.settings = settings;
        this.messages = new WebhookMessages(json, settings.linkBase());
        this.client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.named("selftest-webhook"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.sender = executor;
    }

    @Override
    public void scenarioFinished(Run run, Scenario scenario, ScenarioResult result) {
        if (run.trigger() != Trigger.SCHEDULE) {
            return;
        }
        if (result.outcome().isFailure()) {
            if (failing.add(result.scenarioId())) {
                send(messages.scenarioFailing(run, result));
            }
        } else if (result.outcome() == Outcome.PASSED && failing.remove(result.scenarioId())) {
            send(messages.scenarioRecovered(run, result));
        }
    }

    @Override
    public void runFinished(Run run) {
        if (run.trigger() == Trigger.DEPLOY && run.status() == RunStatus.FAILED) {
            send(messages.deployRunFailed(run));
        }
    }

    private void send(ObjectNode message) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            LOG.warn("Webhook notification dropped: {} messages are already waiting for {}", MAX_PENDING,
                    settings.url().getHost());
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(message);
            String event = message.path("event").asText();
            sender.execute(() -> attempt(event, body, 1));
        } catch (JsonProcessingException | RejectedExecutionException e) {
            pending.decrementAndGet();
            LOG.warn("Webhook notification not sent: {}", e.toString());
        }
    }

    private void attempt(String event, byte[] body, int attempt) {
        String problem;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            settings.headers().forEach(request::header);
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                pending.decrementAndGet();
                return;
            }
            problem = "HTTP " + status;
            if (!retryable(status)) {
                giveUp(event, problem, attempt);
                return;
            }
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.decrementAndGet();
            return;
        }
        if (attempt >= settings.maxAttempts()) {
            giveUp(event, problem, attempt);
            return;
        }
        LOG.debug("Webhook {} attempt {} failed ({}); retrying", event, attempt, problem);
        try {
            sender.schedule(() -> attempt(event, body, attempt + 1), settings.backoff(attempt).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
        }
    }

    private void giveUp(String event, String problem, int attempts) {
        pending.decrementAndGet();
        LOG.warn("Webhook notification {} to {} failed after {} attempt(s): {}", event, settings.url().getHost(),
                attempts, problem);
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    @Override
    public String toString() {
        return "WebhookNotifier[" + settings.url().getHost() + "]";
    }
}
