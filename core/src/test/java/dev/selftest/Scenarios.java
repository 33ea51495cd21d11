package dev.selftest;

import java.time.Duration;

/** Small scenario definitions for tests. */
final class Scenarios {
    private Scenarios() {
    }

    static Scenario readOnly(String id, ScenarioBody body, String... tags) {
        return Scenario.builder(id).safety(Safety.READ_ONLY).tags(tags).body(body).build();
    }

    static Scenario withTimeout(String id, Duration timeout, ScenarioBody body) {
        return Scenario.builder(id).safety(Safety.READ_ONLY).timeout(timeout).body(body).build();
    }

    static Scenario of(String id, Safety safety, String... tags) {
        return Scenario.builder(id).safety(safety).tags(tags).body(context -> { }).build();
    }

    /** A builder with fast timeouts and no settings from the machine's environment. */
    static Selftest.Builder selftest() {
        return Selftest.builder()
                .config(ConfigSource.of(java.util.Map.of()))
                .setting("selftest.runner.interrupt-grace", "200ms")
                .setting("selftest.cleanup.timeout", "1s")
                .setting("selftest.runner.shutdown-grace", "2s");
    }
}
