package dev.selftest.jakarta;

import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Trigger;
import dev.selftest.cleanup.CleanupHandler;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Scenario beans the tests' application declares, the way an application would. */
@Dependent
class TestScenarios {
    static final String KPI = "greeting.kpi.recorded";
    static final String GREETING = "greeting";
    /** How often the discovery below was called. */
    static final AtomicInteger DISCOVERIES = new AtomicInteger();

    @Produces
    Scenario passing() {
        return Scenario.builder("greeting.passes").description("Passes and records a KPI").tags("smoke")
                .safety(Safety.READ_ONLY)
                .body(context -> context.kpis().counter(KPI).increment())
                .build();
    }

    @Produces
    Scenario failing() {
        return Scenario.builder("greeting.fails").description("Always fails").tags("broken")
                .safety(Safety.READ_ONLY)
                .body(context -> {
                    throw new AssertionError("the greeting was rude");
                })
                .build();
    }

    @Produces
    Scenario slow() {
        return Scenario.builder("greeting.slow").description("Takes a while, so it can be cancelled").tags("slow")
                .safety(Safety.READ_ONLY).timeout(Duration.ofSeconds(20))
                .body(context -> Thread.sleep(10_000))
                .build();
    }

    @Produces
    Scenario tracking() {
        return Scenario.builder("greeting.tracked").description("Creates a greeting and tracks it for cleanup")
                .tags("cleanup").safety(Safety.SELF_CLEANING)
                .body(context -> context.track(GREETING, Greetings.create(context.testDataName("greeting"))))
                .build();
    }

    /** Removes what {@link #tracking()} created: found by the adapter through its {@link CleanupType}. */
    @Produces
    @CleanupType(GREETING)
    CleanupHandler greetings() {
        return Greetings::remove;
    }

    /** Watched by readiness ({@code selftest.health.readiness.scenario-tags=readiness}): fails when run from CI. */
    @Produces
    Scenario readiness() {
        return Scenario.builder("greeting.readiness").description("Fails when triggered by CI, passes otherwise")
                .tags("readiness").safety(Safety.READ_ONLY)
                .body(context -> {
                    if (context.trigger() == Trigger.CI) {
                        throw new AssertionError("CI says the greeting is not ready");
                    }
                })
                .build();
    }

    /** Scenarios from a source that makes several at once, such as the JUnit bridge. */
    @Produces
    List<Scenario> listed() {
        return List.of(Scenario.builder("listed.first").description("One of a list").tags("listed")
                        .safety(Safety.READ_ONLY).body(context -> { }).build(),
                Scenario.builder("listed.second").description("Another of a list").tags("listed")
                        .safety(Safety.READ_ONLY).body(context -> { }).build());
    }

    /** Scenarios found when first needed, the way the JUnit bridge's discovery is best handed over. */
    @Produces
    Supplier<List<Scenario>> discovered() {
        return () -> {
            DISCOVERIES.incrementAndGet();
            return List.of(Scenario.builder("listed.third").description("Found when first needed").tags("listed")
                    .safety(Safety.READ_ONLY).body(context -> { }).build());
        };
    }

    @Produces
    Scenario destructive() {
        return Scenario.builder("greeting.reset").description("Resets everything").tags("reset")
                .safety(Safety.DESTRUCTIVE)
                .body(context -> { })
                .build();
    }
}
