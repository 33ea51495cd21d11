package dev.selftest;

import java.time.Duration;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A run that was not started, and why. Nothing ran and nothing changed.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RunRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a run was refused. */
    public enum Reason {
        /** The selection is malformed (an unknown id, an invalid tag expression) or matches nothing. */
        INVALID_SELECTION,
        /** The environment forbids some selected scenarios; see {@link #refusedScenarios()}. */
        FORBIDDEN,
        /** As many runs as allowed are already running; see {@link #retryAfter()}. */
        TOO_MANY_RUNS,
        /** Selftest is shutting down. */
        SHUTTING_DOWN,
        /**
         * A {@linkplain Selftest.Builder#discoverScenarios scenario discovery} failed, or is still running; see
         * {@link #retryAfter()} (zero when trying again cannot help).
         */
        SCENARIOS_UNAVAILABLE
    }

    private final Reason reason;
    private final transient Map<String, String> refusedScenarios;
    private final transient Duration retryAfter;

    private RunRejectedException(Reason reason, String message, Map<String, String> refusedScenarios,
                                 Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.refusedScenarios = Map.copyOf(refusedScenarios);
        this.retryAfter = retryAfter;
    }

    public static RunRejectedException invalidSelection(String message) {
        return new RunRejectedException(Reason.INVALID_SELECTION, message, Map.of(), Duration.ZERO);
    }

    public static RunRejectedException forbidden(String message, Map<String, String> refusedScenarios) {
        return new RunRejectedException(Reason.FORBIDDEN, message, refusedScenarios, Duration.ZERO);
    }

    public static RunRejectedException tooManyRuns(String message, Duration retryAfter) {
        return new RunRejectedException(Reason.TOO_MANY_RUNS, message, Map.of(), retryAfter);
    }

    public static RunRejectedException shuttingDown() {
        return new RunRejectedException(Reason.SHUTTING_DOWN, "Selftest is shutting down", Map.of(),
                Duration.ofSeconds(30));
    }

    public static RunRejectedException scenariosUnavailable(String message, Duration retryAfter) {
        return new RunRejectedException(Reason.SCENARIOS_UNAVAILABLE, message, Map.of(), retryAfter);
    }

    public Reason reason() {
        return reason;
    }

    /** The refused scenario ids with the reason for each (only for {@link Reason#FORBIDDEN}). */
    public Map<String, String> refusedScenarios() {
        return refusedScenarios;
    }

    /**
     * When to try again (for {@link Reason#TOO_MANY_RUNS}, {@link Reason#SHUTTING_DOWN} and
     * {@link Reason#SCENARIOS_UNAVAILABLE}); zero otherwise.
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
