package dev.selftest.internal.run;

import dev.selftest.ScenarioContext;
import java.util.Optional;

/** The context of the scenario body running on the current thread. */
public final class CurrentContext {
    private static final ThreadLocal<ScenarioContext> CURRENT = new ThreadLocal<>();

    private CurrentContext() {
    }

    public static Optional<ScenarioContext> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void set(ScenarioContext context) {
        CURRENT.set(context);
    }

    static void clear() {
        CURRENT.remove();
    }
}
