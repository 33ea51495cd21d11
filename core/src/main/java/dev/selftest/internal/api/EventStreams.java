package dev.selftest.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.Run;
import dev.selftest.ScenarioResult;
import dev.selftest.api.ApiResponse;
import dev.selftest.internal.api.RunEvents.Event;
import dev.selftest.internal.api.RunEvents.Subscription;
import dev.selftest.internal.report.RunJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Progress of runs as server-sent events ({@code GET /runs/{id}/events}). A stream opens with a {@code snapshot}
 * event (the run as {@code GET /runs/{id}} shows it) and a {@code scenario-started} event for the scenario running
 * now, so a client that connects late still sees everything, then sends {@code run-started},
 * {@code scenario-started}, {@code scenario-finished} and {@code run-finished} as they happen, and ends after
 * {@code run-finished}. Every event is flushed on its own. The events come from {@link RunEvents}.
 */
final class EventStreams {
    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    /**
     * Streams hold a request thread each; beyond this many the API answers 429. Half the embedded server's default
     * eight threads, so that health probes and other calls always find a free one.
     */
    static final int MAX_STREAMS = 4;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final RunEvents events;
    private final AtomicInteger open = new AtomicInteger();
    private final ObjectMapper json;
    private final RunJson runJson;

    EventStreams(RunEvents events, ObjectMapper json, RunJson runJson) {
        this.events = events;
        this.json = json;
        this.runJson = runJson;
    }

    /**
     * The event stream of a run that exists. {@code snapshot} reads the run's current state; it is called after
     * subscribing, so no event falls between the snapshot and the stream.
     *
     * @param limit how long the stream may stay open at most
     * @throws ProblemException 429 when too many streams are open
     */
    ApiResponse stream(String runId, String runLink, Supplier<Run> snapshot, Duration limit) {
        if (open.get() >= MAX_STREAMS) {
            throw new ProblemException(429, "too-many-streams", "Too many event streams",
                    MAX_STREAMS + " event streams are open, the most this service serves at once; poll "
                            + "GET " + runLink + "?wait=30s instead", Map.of(), Map.of("Retry-After", "5"));
        }
        return ApiResponse.streaming(200, CONTENT_TYPE, out -> write(out, runId, runLink, snapshot, limit),
                Map.of("Cache-Control", "no-cache", "X-Accel-Buffering", "no"));
    }

    private void write(OutputStream out, String runId, String runLink, Supplier<Run> snapshot, Duration limit)
            throws IOException {
        open.incrementAndGet();
        Subscription subscription = events.subscribe(runId);
        try {
            // Read before the snapshot: a scenario that starts later is in the queue, one that finished is in it.
            String now = events.runningScenario(runId);
            Run current = snapshot.get();
            send(out, "snapshot", runJson.full(current, runLink));
            if (current.status().isFinished()) {
                send(out, "run-finished", runJson.summary(current, runLink));
                return;
            }
            Set<String> finished = new HashSet<>();
            current.results().forEach(result -> finished.add(result.scenarioId()));
            Set<String> started = new HashSet<>(finished);
            if (now != null && started.add(now)) {
                send(out, "scenario-started", data(new Event("scenario-started", current, now, null), runLink));
            }
            follow(out, subscription, finished, started, runLink, System.nanoTime() + limit.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            events.unsubscribe(subscription);
            open.decrementAndGet();
        }
    }

    /** Streams events until the run finishes; {@code finished} and {@code started} hold what was already sent. */
    private void follow(OutputStream out, Subscription subscription, Set<String> finished, Set<String> started,
                        String runLink, long deadline) throws IOException, InterruptedException {
        while (!subscription.overflowed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                comment(out, "stream time limit reached; reconnect or poll " + runLink);
                return;
            }
            Event event = subscription.queue.poll(Math.min(left, KEEP_ALIVE.toNanos()), TimeUnit.NANOSECONDS);
            if (event == null) {
                comment(out, "keep-alive");
                continue;
            }
            String scenarioId = event.scenarioId();
            if (scenarioId != null && !(event.result() == null ? started : finished).add(scenarioId)) {
                continue; // already sent, with the snapshot
            }
            send(out, event.name(), data(event, runLink));
            if (event.last()) {
                return;
            }
        }
        comment(out, "client too slow; reconnect for a fresh snapshot");
    }

    private ObjectNode data(Event event, String runLink) {
        Run run = event.run();
        if (event.last()) {
            return runJson.summary(run, runLink);
        }
        ObjectNode node = json.createObjectNode();
        node.put("runId", run.id());
        if (event.scenarioId() == null) {
            node.put("total", run.scenarioIds().size());
            run.scenarioIds().forEach(node.putArray("scenarios")::add);
            return node;
        }
        node.put("scenario", event.scenarioId());
        ScenarioResult result = event.result();
        if (result != null) {
            node.put("outcome", result.outcome().name());
            node.put("durationMs", result.duration().toMillis());
            node.put("message", result.failure() == null ? null : result.failure().message());
            node.put("finished", run.results().size());
            node.put("total", run.scenarioIds().size());
        }
        return node;
    }

    private void send(OutputStream out, String name, ObjectNode data) throws IOException {
        String frame = "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void comment(OutputStream out, String text) throws IOException {
        out.write((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
