package dev.selftest.internal.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.CleanupResult;
import dev.selftest.Failure;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.ScenarioResult;
import dev.selftest.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The JSON form of runs, as documented in {@code docs/http-api.md}. */
public final class RunJson {
    private final ObjectMapper json;

    public RunJson(ObjectMapper json) {
        this.json = json;
    }

    /** A run with every result, step and cleanup action. */
    public ObjectNode full(Run run, String runLink) {
        ObjectNode node = summary(run, runLink);
        ArrayNode results = node.putArray("scenarios");
        run.results().forEach(result -> results.add(result(result)));
        ArrayNode pending = node.putArray("pending");
        pendingIds(run).forEach(pending::add);
        return node;
    }

    /** A run without its per-scenario details, for listings. */
    public ObjectNode summary(Run run, String runLink) {
        ObjectNode node = json.createObjectNode();
        node.put("id", run.id());
        node.put("status", run.status().name());
        node.put("passed", run.passed());
        node.put("trigger", run.trigger().wireName());
        node.put("environment", run.environment());
        ObjectNode labels = node.putObject("labels");
        run.labels().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(label -> labels.put(label.getKey(), label.getValue()));
        node.put("startedAt", run.startedAt().toString());
        putInstant(node, "finishedAt", run.finishedAt());
        Instant end = run.finishedAt() == null ? Instant.now() : run.finishedAt();
        node.put("durationMs", Duration.between(run.startedAt(), end).toMillis());
        ObjectNode counts = node.putObject("counts");
        counts.put("total", run.scenarioIds().size());
        for (Outcome outcome : Outcome.values()) {
            counts.put(camelCase(outcome), run.count(outcome));
        }
        counts.put("pending", run.scenarioIds().size() - run.results().size());
        ObjectNode links = node.putObject("links");
        links.put("self", runLink);
        links.put("junit", runLink + "/junit.xml");
        links.put("events", runLink + "/events");
        return node;
    }

    private ObjectNode result(ScenarioResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("id", result.scenarioId());
        node.put("outcome", result.outcome().name());
        node.put("startedAt", result.startedAt().toString());
        node.put("durationMs", result.duration().toMillis());
        putFailure(node, result.failure());
        ArrayNode steps = node.putArray("steps");
        for (StepResult step : result.steps()) {
            ObjectNode s = steps.addObject();
            s.put("name", step.name());
            s.put("outcome", step.outcome().name());
            s.put("durationMs", step.duration().toMillis());
            s.put("message", step.message());
        }
        ArrayNode cleanup = node.putArray("cleanup");
        for (CleanupResult action : result.cleanup()) {
            ObjectNode c = cleanup.addObject();
            c.put("description", action.description());
            c.put("cleaned", action.cleaned());
            c.put("durationMs", action.duration().toMillis());
            c.put("message", action.message());
        }
        return node;
    }

    private static void putFailure(ObjectNode node, @Nullable Failure failure) {
        if (failure == null) {
            node.putNull("failure");
            return;
        }
        ObjectNode f = node.putObject("failure");
        f.put("type", failure.type());
        f.put("message", failure.message());
        if (failure.stackTrace() != null) {
            f.put("stackTrace", failure.stackTrace());
        }
    }

    private static void putInstant(ObjectNode node, String field, @Nullable Instant instant) {
        if (instant == null) {
            node.putNull(field);
        } else {
            node.put(field, instant.toString());
        }
    }

    static Iterable<String> pendingIds(Run run) {
        Set<String> finished = new HashSet<>();
        run.results().forEach(r -> finished.add(r.scenarioId()));
        return run.scenarioIds().stream().filter(id -> !finished.contains(id)).toList();
    }

    private static String camelCase(Outcome outcome) {
        String[] words = outcome.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
