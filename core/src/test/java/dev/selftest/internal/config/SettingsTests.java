package dev.selftest.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selftest.ConfigSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTests {

    @Test
    void defaultsAreSensible() {
        Settings settings = Settings.from(ConfigSource.of(Map.of()));
        assertThat(settings.environment()).isEqualTo("dev");
        assertThat(settings.token()).isEmpty();
        assertThat(settings.basePath()).isEqualTo("/selftest");
        assertThat(settings.productionEnvironments()).containsExactlyInAnyOrder("production", "prod");
        assertThat(settings.maxConcurrentRuns()).isEqualTo(2);
    }

    @Test
    void readsDurationsAsPeopleWriteThem() {
        Settings settings = Settings.from(ConfigSource.of(Map.of(Settings.CLEANUP_TIMEOUT, "1500ms",
                Settings.MAX_WAIT, "PT2M", Settings.SHUTDOWN_GRACE, "1h")));
        assertThat(settings.cleanupTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(settings.maxWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void badValuesFailNamingTheKey() {
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(Map.of(Settings.POOL_SIZE, "-1"))))
                .hasMessage("selftest.runner.pool-size must be a whole number from 1 to 256, was '-1'");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(Map.of(Settings.CLEANUP_TIMEOUT, "soon"))))
                .hasMessageContaining("selftest.cleanup.timeout must be a positive duration");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(Map.of(Settings.STACK_TRACES, "yes"))))
                .hasMessageContaining("selftest.report.stack-traces must be true or false");
        assertThatThrownBy(() -> Settings.from(ConfigSource.of(Map.of(Settings.BASE_PATH, "selftest"))))
                .hasMessageContaining("selftest.base-path");
    }

    @Test
    void environmentVariablesUseTheUpperCaseName() {
        ConfigSource source = ConfigSource.environmentVariables(Map.of("SELFTEST_TOKEN", "t",
                "SELFTEST_DATA_STAGING_ACCOUNT_EMAIL", "qa@example.com"));
        assertThat(source.value("selftest.token")).contains("t");
        assertThat(source.value("selftest.data.staging.account-email")).contains("qa@example.com");
    }

    @Test
    void settingsNeverPrintTheToken() {
        Settings settings = Settings.from(ConfigSource.of(Map.of(Settings.TOKEN, "very-secret")));
        assertThat(settings.toString()).doesNotContain("very-secret").contains("(set)");
    }
}
