package dev.selftest.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One finished scenario as progress shows it; read from a run's {@code scenarios[]} entry or a
 * {@code scenario-finished} event.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ScenarioOutcome(String id, String outcome, long durationMs, @Nullable String message) {

    public static ScenarioOutcome fromResult(JsonNode result) {
        JsonNode failure = result.path("failure");
        return new ScenarioOutcome(result.path("id").asText(), result.path("outcome").asText(),
                result.path("durationMs").asLong(), failure.isObject() ? failure.path("message").asText() : null);
    }

    public static ScenarioOutcome fromEvent(JsonNode event) {
        JsonNode message = event.path("message");
        return new ScenarioOutcome(event.path("scenario").asText(), event.path("outcome").asText(),
                event.path("durationMs").asLong(), message.isTextual() ? message.asText() : null);
    }

    /** FAILED, ERRORED and TIMED_OUT make a run fail. */
    public boolean isFailure() {
        return outcome.equals("FAILED") || outcome.equals("ERRORED") || outcome.equals("TIMED_OUT");
    }
}
