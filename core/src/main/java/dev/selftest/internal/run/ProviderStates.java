package dev.selftest.internal.run;

import dev.selftest.CleanupResult;
import dev.selftest.ProviderStateHandler;
import dev.selftest.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Pact provider states: a setup runs its handler in a time box with a scenario-like context; what it registers
 * for cleanup is kept until the matching teardown, a repeated setup of the same state, or the session's
 * time-to-live, whichever comes first.
 */
public final class ProviderStates {
    private static final CompletableFuture<Void> NEVER = new CompletableFuture<>();

    private final Map<String, ProviderStateHandler> handlers;
    private final TimeBox timeBox;
    private final ScenarioExecution execution;
    private final RunIds ids;
    private final String environment;
    private final Duration timeout;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    /** A state that is set up, with what its teardown must remove. */
    private record Session(String runId, ExecutionContext context, Instant setUpAt) {
    }

    /** How a setup or teardown went. */
    public record Outcome(boolean succeeded, Map<String, Object> values, String message,
                          List<CleanupResult> cleanup) {
    }

    ProviderStates(Map<String, ProviderStateHandler> handlers, TimeBox timeBox, ScenarioExecution execution,
                   RunIds ids, String environment, Duration timeout, Duration timeToLive, Clock clock) {
        this.handlers = Map.copyOf(handlers);
        this.timeBox = timeBox;
        this.execution = execution;
        this.ids = ids;
        this.environment = environment;
        this.timeout = timeout;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** The registered state names, sorted. */
    public Set<String> known() {
        return new TreeSet<>(handlers.keySet());
    }

    public boolean isKnown(String state) {
        return handlers.containsKey(state);
    }

    /** Sets a state up; a state already set up with the same parameters is torn down first. */
    public Outcome setUp(String state, Map<String, Object> params) {
        expire();
        ProviderStateHandler handler = handlers.get(state);
        if (handler == null) {
            throw new IllegalArgumentException("unknown provider state '" + state + "'");
        }
        String key = key(state, params);
        tearDownSession(key);
        String runId = ids.next();
        RunState owner = new RunState(runId, Trigger.MANUAL, Map.of("provider-state", abbreviate(state)),
                environment, clock.instant(), List.of());
        ExecutionContext context = execution.newContext(owner, "provider-state", timeout);
        Map<String, Object> values = new LinkedHashMap<>();
        Attempt attempt = timeBox.run("provider-state", () -> {
            CurrentContext.set(context);
            try {
                Map<String, Object> returned = handler.setUp(params, context);
                if (returned != null) {
                    values.putAll(returned);
                }
            } finally {
                CurrentContext.clear();
            }
        }, timeout, NEVER);
        if (attempt.ending() == Attempt.Ending.COMPLETED) {
            synchronized (sessions) {
                sessions.put(key, new Session(runId, context, clock.instant()));
            }
            return new Outcome(true, values, "state '" + state + "' is set up", List.of());
        }
        List<CleanupResult> cleanup = execution.cleanUp(context.end());
        String reason = attempt.ending() == Attempt.Ending.THREW ? Failures.messageOf(attempt.error())
                : "did not finish within " + timeout.toSeconds() + "s";
        return new Outcome(false, Map.of(), "setting up state '" + state + "' failed: " + reason
                + "; what it had created was removed", cleanup);
    }

    /** Tears a state down: runs the cleanup its setup registered, in reverse order. */
    public Outcome tearDown(String state, Map<String, Object> params) {
        List<CleanupResult> cleanup = tearDownSession(key(state, params));
        boolean cleaned = cleanup.stream().allMatch(CleanupResult::cleaned);
        return new Outcome(cleaned, Map.of(), cleaned ? "state '" + state + "' is torn down"
                : "tearing down state '" + state + "' left something behind: " + cleanup.stream()
                        .filter(c -> !c.cleaned()).map(c -> c.description() + " (" + c.message() + ")")
                        .collect(Collectors.joining(", ")), cleanup);
    }

    /** Tears down every state set up longer ago than the time-to-live (a teardown that never came). */
    public void expire() {
        Instant oldest = clock.instant().minus(timeToLive);
        List<String> expired;
        synchronized (sessions) {
            expired = sessions.entrySet().stream().filter(e -> e.getValue().setUpAt().isBefore(oldest))
                    .map(Map.Entry::getKey).toList();
        }
        expired.forEach(this::tearDownSession);
    }

    /** Ids of sessions set up now: their test data is in use. */
    Set<String> activeIds() {
        synchronized (sessions) {
            return sessions.values().stream().map(Session::runId).collect(Collectors.toUnmodifiableSet());
        }
    }

    private List<CleanupResult> tearDownSession(String key) {
        Session session;
        synchronized (sessions) {
            session = sessions.remove(key);
        }
        return session == null ? List.of() : execution.cleanUp(session.context().end());
    }

    private static String key(String state, Map<String, Object> params) {
        return state + "\u0000" + new TreeMap<>(params);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }
}
