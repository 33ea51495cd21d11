package dev.selftest.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.CleanupResult;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.internal.config.Settings;
import dev.selftest.internal.run.ProviderStates;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /provider-states}: the Pact state-change contract. The body is
 * {@code {"state": "...", "params": {...}, "action": "setup" | "teardown"}} (no action means setup); a setup
 * answers the values its handler returned, for Pact to inject into the interaction.
 */
final class ProviderStateEndpoint {
    private final ProviderStates states;
    private final JsonBodies bodies;
    private final ObjectMapper json;
    private final String environment;
    private final Settings settings;

    ProviderStateEndpoint(ProviderStates states, JsonBodies bodies, ObjectMapper json, String environment,
                          Settings settings) {
        this.states = states;
        this.bodies = bodies;
        this.json = json;
        this.environment = environment;
        this.settings = settings;
    }

    ApiResponse handle(ApiRequest request) {
        if (settings.productionEnvironments().contains(environment) && !settings.providerStatesInProduction()) {
            throw new ProblemException(403, "provider-states-forbidden", "Provider states forbidden here",
                    "provider states change data, so they are refused in the production environment '" + environment
                            + "'; set " + Settings.PROVIDER_STATES_IN_PRODUCTION + "=true to allow them");
        }
        JsonNode body = bodies.readObject(request).orElseThrow(() -> Problems.badRequest(
                "send {\"state\": \"...\", \"params\": {...}, \"action\": \"setup\" or \"teardown\"}"));
        String state = JsonBodies.text(body, "state");
        if (state == null || state.isBlank()) {
            throw Problems.badRequest("'state' is required: the provider state's name");
        }
        if (!states.isKnown(state)) {
            throw new ProblemException(400, "unknown-provider-state", "Unknown provider state",
                    "no provider state '" + abbreviate(state) + "'; known states: " + String.join(", ", states.known()),
                    Map.of("knownStates", states.known()), Map.of());
        }
        String action = JsonBodies.text(body, "action");
        Map<String, Object> params = params(body);
        ProviderStates.Outcome outcome;
        if (action == null || action.equals("setup")) {
            outcome = states.setUp(state, params);
        } else if (action.equals("teardown")) {
            outcome = states.tearDown(state, params);
        } else {
            throw Problems.badRequest("'action' must be \"setup\" or \"teardown\", was '" + abbreviate(action) + "'");
        }
        if (!outcome.succeeded()) {
            throw new ProblemException(422, "provider-state-failed", "Provider state failed", outcome.message(),
                    Map.of("cleanup", cleanup(outcome)), Map.of());
        }
        try {
            return ApiResponse.of(200, "application/json", json.writeValueAsBytes(outcome.values()), Map.of());
        } catch (JsonProcessingException e) {
            throw new ProblemException(422, "provider-state-failed", "Provider state failed",
                    "the values state '" + abbreviate(state) + "' returned cannot be written as JSON");
        }
    }

    private Map<String, Object> params(JsonNode body) {
        JsonNode params = body.get("params");
        if (params == null || params.isNull()) {
            return Map.of();
        }
        if (!params.isObject()) {
            throw Problems.badRequest("'params' must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = json.convertValue(params, LinkedHashMap.class);
        return values;
    }

    private static Set<String> cleanup(ProviderStates.Outcome outcome) {
        Set<String> left = new LinkedHashSet<>();
        for (CleanupResult result : outcome.cleanup()) {
            left.add(result.description() + (result.cleaned() ? ": removed" : ": FAILED " + result.message()));
        }
        return left;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
