package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioDefinitionTests {

    @Test
    void aScenarioNeedsASafetyLevel() {
        assertThatThrownBy(() -> Scenario.builder("x").body(c -> { }).build())
                .hasMessage("scenario 'x' has no safety: say READ_ONLY, SELF_CLEANING or DESTRUCTIVE");
    }

    @Test
    void invalidIdsTagsAndTimeoutsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Scenarios.of("has space", Safety.READ_ONLY))
                .hasMessageContaining("scenario id 'has space' is invalid");
        assertThatThrownBy(() -> Scenarios.of("x", Safety.READ_ONLY, "a&b"))
                .hasMessageContaining("tag 'a&b' of scenario 'x' is invalid");
        assertThatThrownBy(() -> Scenario.builder("x").safety(Safety.READ_ONLY).timeout(Duration.ZERO)
                .body(c -> { }).build()).hasMessageContaining("must be positive");
    }

    @Test
    void duplicateIdsFailAtRegistration() {
        Selftest.Builder builder = Scenarios.selftest().scenario(Scenarios.of("same", Safety.READ_ONLY));
        assertThatThrownBy(() -> builder.scenario(Scenarios.of("same", Safety.DESTRUCTIVE)))
                .hasMessageContaining("duplicate scenario id 'same'");
    }

    @Test
    void invalidSettingsFailTheBuildNamingTheKey() {
        assertThatThrownBy(() -> Scenarios.selftest().setting("selftest.history.size", "lots").build())
                .hasMessageContaining("selftest.history.size");
        assertThatThrownBy(() -> Scenarios.selftest().environment("Prod Env").build())
                .hasMessageContaining("environment name 'Prod Env' is invalid");
    }

    @Test
    void environmentDataIsReadPerEnvironmentAndMissingKeysAreNamed() {
        Environment staging = Environment.of("staging", ConfigSource.of(Map.of(
                "selftest.data.staging.account", "qa@example.com", "selftest.data.dev.account", "dev@example.com")));
        assertThat(staging.value("account")).isEqualTo("qa@example.com");
        assertThatThrownBy(() -> staging.value("password"))
                .hasMessage("test data 'password' is not configured for environment 'staging': set "
                        + "selftest.data.staging.password (or the environment variable "
                        + "SELFTEST_DATA_STAGING_PASSWORD), or add 'password' to staging.properties in "
                        + "selftest.data.dir or selftest-data/ on the classpath");
    }
}
