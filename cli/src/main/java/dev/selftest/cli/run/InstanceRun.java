package dev.selftest.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.cli.client.CliException;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Deadline;
import dev.selftest.cli.client.ServerSentEvents;
import dev.selftest.cli.client.Target;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Drives the run on one instance: starts it, follows it (server-sent events, or polling when events are not
 * available), and fetches the final run and its JUnit XML. Past the deadline the run is cancelled.
 */
final class InstanceRun {
    /** Time for cancelling and fetching the report after the deadline passed. */
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration MAX_POLL_WAIT = Duration.ofSeconds(10);
    private static final ServerSentEvents.Event END = new ServerSentEvents.Event("", "");

    private final ControlClient client;
    private final Target target;
    private final JsonNode selection;
    private final Progress progress;
    private final Deadline deadline;
    private final ObjectMapper json;
    private final Set<String> reported = new HashSet<>();

    InstanceRun(ControlClient client, JsonNode selection, Progress progress, Deadline deadline, ObjectMapper json) {
        this.client = client;
        this.target = client.target();
        this.selection = selection;
        this.progress = progress;
        this.deadline = deadline;
        this.json = json;
    }

    InstanceResult call() {
        String runId = null;
        try {
            JsonNode started = client.postJson(target.resolve("/runs"), selection, deadline);
            runId = started.path("id").asText();
            URI self = target.link(started.path("links").path("self").asText(target.base().getPath() + "/runs/"
                    + runId));
            progress.runStarted(target, runId, started.path("counts").path("total").asInt());
            report(started);
            Optional<JsonNode> finished = follow(self, started.path("links").path("events").asText(""));
            String id = runId;
            return finished.map(run -> finish(run, self, verdictOf(run), null)).orElseGet(() -> timedOut(self, id));
        } catch (CliException e) {
            return InstanceResult.error(target, runId, e.getMessage());
        }
    }

    private static Verdict verdictOf(JsonNode run) {
        return run.path("passed").asBoolean() ? Verdict.PASSED : Verdict.FAILED;
    }

    /** Follows the run until it finishes; empty when the deadline passed first. */
    private Optional<JsonNode> follow(URI self, String eventsLink) {
        if (!eventsLink.isEmpty()) {
            Optional<JsonNode> viaEvents = followEvents(self, target.link(eventsLink));
            if (viaEvents.isPresent() || deadline.passed()) {
                return viaEvents;
            }
            progress.notice(target, "live events unavailable; polling instead");
        }
        return poll(self);
    }

    /**
     * Reads events on a thread of its own, so that the deadline holds however long the stream is silent. Empty when
     * the stream is unavailable or ends before the run does (the caller then polls) or when the deadline passed.
     */
    private Optional<JsonNode> followEvents(URI self, URI events) {
        BlockingQueue<ServerSentEvents.Event> queue = new LinkedBlockingQueue<>();
        AtomicReference<InputStream> body = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                HttpResponse<InputStream> response = client.openEvents(events, deadline);
                body.set(response.body());
                if (response.statusCode() == 200 && response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("text/event-stream")) {
                    ServerSentEvents.read(response.body(), queue::add);
                }
                response.body().close();
            } catch (IOException e) {
                // polling takes over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                queue.add(END);
            }
        }, "selftest-events-" + target.label());
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                ServerSentEvents.Event event = queue.poll(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
                if (event == null || event == END) {
                    return Optional.empty();
                }
                if (handle(event)) {
                    return Optional.of(client.getJson(self, Deadline.in(GRACE)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        } finally {
            closeQuietly(body.get());
        }
    }

    /** Shows one event; true when it says the run finished. */
    private boolean handle(ServerSentEvents.Event event) {
        JsonNode data;
        try {
            data = json.readTree(event.data());
        } catch (IOException e) {
            return false;
        }
        switch (event.name()) {
            case "snapshot" -> report(data);
            case "scenario-started" -> progress.scenarioStarted(target, data.path("scenario").asText());
            case "scenario-finished" -> {
                ScenarioOutcome outcome = ScenarioOutcome.fromEvent(data);
                if (reported.add(outcome.id())) {
                    progress.scenarioFinished(target, outcome);
                }
            }
            case "run-finished" -> {
                return true;
            }
            default -> {
                // events this CLI does not know yet
            }
        }
        return false;
    }

    private Optional<JsonNode> poll(URI self) {
        while (!deadline.passed()) {
            long waitSeconds = Math.max(1, Math.min(MAX_POLL_WAIT.toSeconds(), deadline.remaining().toSeconds()));
            JsonNode run = client.getJson(URI.create(self + "?wait=" + waitSeconds + "s"), deadline);
            report(run);
            if (!run.path("status").asText().equals("RUNNING")) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    /** Shows the finished scenarios of a run snapshot not shown yet. */
    private void report(JsonNode run) {
        for (JsonNode result : run.path("scenarios")) {
            ScenarioOutcome outcome = ScenarioOutcome.fromResult(result);
            if (reported.add(outcome.id())) {
                progress.scenarioFinished(target, outcome);
            }
        }
    }

    private InstanceResult timedOut(URI self, String runId) {
        Deadline grace = Deadline.in(GRACE);
        String note = "did not finish within --timeout; cancelled it";
        try {
            client.delete(self, grace);
        } catch (CliException e) {
            note = "did not finish within --timeout; cancelling failed too: " + e.getMessage();
        }
        try {
            return finish(client.getJson(self, grace), self, Verdict.TIMED_OUT, note);
        } catch (CliException e) {
            return new InstanceResult(target, Verdict.TIMED_OUT, runId, null, null, note + "; " + e.getMessage());
        }
    }

    private InstanceResult finish(JsonNode run, URI self, Verdict verdict, @Nullable String note) {
        report(run);
        String runId = run.path("id").asText();
        try {
            byte[] junit = client.getBytes(URI.create(self + "/junit.xml"), Deadline.in(GRACE));
            return new InstanceResult(target, verdict, runId, run, junit, note);
        } catch (CliException e) {
            String error = "the JUnit XML report could not be fetched: " + e.getMessage();
            return new InstanceResult(target, verdict, runId, run, null, note == null ? error : note + "; " + error);
        }
    }

    private static void closeQuietly(@Nullable InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            // the reader thread ends with the stream
        }
    }
}
