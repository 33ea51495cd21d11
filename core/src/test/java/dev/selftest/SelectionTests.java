package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SelectionTests {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Selftest selftest;

    @AfterEach
    void close() {
        selftest.close();
    }

    private Selftest build(String environment) {
        selftest = Scenarios.selftest().environment(environment)
                .scenario(Scenarios.of("catalogue", Safety.READ_ONLY, "smoke"))
                .scenario(Scenarios.of("order", Safety.SELF_CLEANING, "smoke", "orders"))
                .scenario(Scenarios.of("reset", Safety.DESTRUCTIVE, "admin"))
                .scenario(Scenarios.of("report", Safety.READ_ONLY, "slow"))
                .build();
        return selftest;
    }

    @Test
    void selectsByTagExpression() throws Exception {
        Run run = build("dev").run(RunRequest.builder().tags("smoke & !orders | slow").build(), WAIT);
        assertThat(run.scenarioIds()).containsExactly("catalogue", "report");
    }

    @Test
    void idsAndTagsTogetherNarrowTheSelection() throws Exception {
        Run run = build("dev").run(RunRequest.builder().scenarios("order", "report").tags("smoke").build(), WAIT);
        assertThat(run.scenarioIds()).containsExactly("order");
    }

    @Test
    void productionRefusesDestructiveScenariosAndRunsNothing() {
        Selftest production = build("production");
        assertThatThrownBy(() -> production.start(RunRequest.builder().scenarios("catalogue", "reset").build()))
                .isInstanceOfSatisfying(RunRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.FORBIDDEN);
                    assertThat(e.refusedScenarios()).containsOnlyKeys("reset");
                    assertThat(e.refusedScenarios().get("reset")).contains("never run in the production");
                });
        assertThat(production.runs()).as("nothing ran").isEmpty();
    }

    @Test
    void anUnfilteredRunInProductionLeavesDestructiveScenariosOut() throws Exception {
        Run run = build("production").run(RunRequest.all(), WAIT);
        assertThat(run.scenarioIds()).containsExactly("catalogue", "order", "report");
    }

    @Test
    void destructiveScenariosRunOutsideProduction() throws Exception {
        assertThat(build("staging").run(RunRequest.builder().tags("admin").build(), WAIT).passed()).isTrue();
    }

    @Test
    void aCustomPolicyAddsToTheStandardOne() {
        selftest = Scenarios.selftest().environment("staging")
                .safetyPolicy((scenario, environment) -> scenario.safety() == Safety.SELF_CLEANING
                        ? java.util.Optional.of("no test data in staging") : java.util.Optional.empty())
                .scenario(Scenarios.of("order", Safety.SELF_CLEANING))
                .build();
        assertThatThrownBy(() -> selftest.start(RunRequest.builder().scenarios("order").build()))
                .hasMessageContaining("not allowed in environment 'staging'");
    }

    @Test
    void unknownIdsInvalidExpressionsAndEmptySelectionsAreRefused() {
        Selftest dev = build("dev");
        assertThatThrownBy(() -> dev.start(RunRequest.builder().scenarios("catalogue", "nope").build()))
                .hasMessageContaining("unknown scenario nope");
        assertThatThrownBy(() -> dev.start(RunRequest.builder().tags("smoke &").build()))
                .hasMessageContaining("invalid tag expression");
        assertThatThrownBy(() -> dev.start(RunRequest.builder().tags("nothing-has-this").build()))
                .hasMessageContaining("matches no scenario");
        assertThat(dev.runs()).isEmpty();
    }
}
