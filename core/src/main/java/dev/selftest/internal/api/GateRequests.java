package dev.selftest.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.ScenarioResult;
import dev.selftest.Trigger;
import dev.selftest.api.ApiRequest;
import dev.selftest.internal.config.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads and answers {@code POST /gate}, the run for progressive-delivery controllers. The body is the run selection
 * ({@link RunRequests}, trigger {@code deploy} by default) or a Flagger webhook payload
 * ({@code {name, namespace, phase, metadata}}), whose {@code metadata} may carry {@code scenarios} (comma-separated),
 * {@code tags} and {@code trigger}.
 */
final class GateRequests {
    /** Below Argo Rollouts' default web-metric timeout of 10 seconds. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

    private GateRequests() {
    }

    static RunRequest from(Optional<JsonNode> body) {
        if (body.isPresent() && body.get().has("phase") && body.get().has("name")) {
            return fromFlagger(body.get());
        }
        return RunRequests.from(body, Trigger.DEPLOY);
    }

    private static RunRequest fromFlagger(JsonNode payload) {
        ObjectNode selection = JsonNodeFactory.instance.objectNode();
        JsonNode metadata = payload.path("metadata");
        String scenarios = metadata.path("scenarios").asText("");
        if (!scenarios.isBlank()) {
            ArrayNode ids = selection.putArray("scenarios");
            Arrays.stream(scenarios.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
        }
        copyText(metadata, "tags", selection);
        copyText(metadata, "trigger", selection);
        ObjectNode labels = selection.putObject("labels");
        labels.put("flagger.name", payload.path("name").asText(""));
        labels.put("flagger.namespace", payload.path("namespace").asText(""));
        labels.put("flagger.phase", payload.path("phase").asText(""));
        return RunRequests.from(Optional.of(selection), Trigger.DEPLOY);
    }

    private static void copyText(JsonNode from, String field, ObjectNode to) {
        if (from.hasNonNull(field)) {
            to.put(field, from.get(field).asText());
        }
    }

    /** The {@code timeout} query parameter: how long the caller waits for the verdict. */
    static Duration timeout(ApiRequest request, Duration max) {
        Optional<String> text = request.queryParameter("timeout");
        if (text.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        Duration timeout;
        try {
            timeout = Durations.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("timeout: " + e.getMessage());
        }
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(max) > 0) {
            throw Problems.badRequest("timeout must be between 100ms and " + Durations.format(max)
                    + " (selftest.api.max-wait)");
        }
        return timeout;
    }

    /** {@code ?verdict=body}: always answer 200 and let the caller judge {@code passed} (Argo Rollouts). */
    static boolean verdictInBody(ApiRequest request) {
        String verdict = request.queryParameter("verdict").orElse("status");
        return switch (verdict) {
            case "status" -> false;
            case "body" -> true;
            default -> throw Problems.badRequest("verdict must be 'status' (the HTTP status carries it, the default) "
                    + "or 'body' (always 200; read 'passed')");
        };
    }

    /**
     * The HTTP status of a verdict: 200 passed, 422 failed or cancelled, 504 not finished within the timeout (the
     * run goes on; its link shows the outcome later).
     */
    static int status(Run run, boolean verdictInBody) {
        if (run.passed() || verdictInBody) {
            return 200;
        }
        return run.status().isFinished() ? 422 : 504;
    }

    /** The run summary plus {@code finished} and the {@code failures} a person needs to act on. */
    static ObjectNode verdict(ObjectNode summary, Run run, Duration timeout) {
        summary.put("finished", run.status().isFinished());
        summary.put("timeout", Durations.format(timeout));
        ArrayNode failures = summary.putArray("failures");
        for (ScenarioResult result : run.results()) {
            if (result.outcome().isFailure()) {
                ObjectNode failure = failures.addObject();
                failure.put("scenario", result.scenarioId());
                failure.put("outcome", result.outcome().name());
                failure.put("message", result.failure() == null ? null : result.failure().message());
            }
        }
        return summary;
    }
}
