package dev.selftest.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.RunRequest;
import dev.selftest.Trigger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the selection body {@code {scenarios, tags, trigger, labels}} shared by runs and the gate, strictly. */
final class RunRequests {
    private static final Set<String> FIELDS = Set.of("scenarios", "tags", "trigger", "labels");

    private RunRequests() {
    }

    static RunRequest from(Optional<JsonNode> body, Trigger defaultTrigger) {
        RunRequest.Builder request = RunRequest.builder().trigger(defaultTrigger);
        if (body.isEmpty()) {
            return request.build();
        }
        JsonNode node = body.get();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw Problems.badRequest("unknown field '" + abbreviate(name)
                        + "'; a run takes scenarios, tags, trigger and labels");
            }
        }
        JsonNode scenarios = node.get("scenarios");
        if (scenarios != null && !scenarios.isNull()) {
            if (!scenarios.isArray()) {
                throw Problems.badRequest("'scenarios' must be an array of scenario ids");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : scenarios) {
                if (!id.isTextual()) {
                    throw Problems.badRequest("'scenarios' must contain only strings (scenario ids)");
                }
                ids.add(id.asText());
            }
            request.scenarios(ids);
        }
        request.tags(JsonBodies.text(node, "tags"));
        String trigger = JsonBodies.text(node, "trigger");
        if (trigger != null) {
            try {
                request.trigger(Trigger.fromWireName(trigger));
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest(e.getMessage());
            }
        }
        JsonNode labels = node.get("labels");
        if (labels != null && !labels.isNull()) {
            if (!labels.isObject()) {
                throw Problems.badRequest("'labels' must be an object of strings, such as {\"commit\": \"abc123\"}");
            }
            Map<String, String> values = new LinkedHashMap<>();
            labels.fields().forEachRemaining(label -> {
                if (!label.getValue().isTextual()) {
                    throw Problems.badRequest("label '" + abbreviate(label.getKey()) + "' must be a string");
                }
                values.put(label.getKey(), label.getValue().asText());
            });
            request.labels(values);
        }
        try {
            return request.build();
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
