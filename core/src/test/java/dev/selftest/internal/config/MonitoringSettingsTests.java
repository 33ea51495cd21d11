package dev.selftest.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selftest.ConfigSource;
import dev.selftest.Selftest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringSettingsTests {

    private static MonitoringSettings read(Map<String, String> values) {
        return MonitoringSettings.from(ConfigSource.of(values));
    }

    @Test
    void defaultsKeepProbesCheapAndSchedulingOff() {
        MonitoringSettings settings = read(Map.of());
        assertThat(settings.healthTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.healthTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.failureAttempts()).isEqualTo(1);
        assertThat(settings.successAttempts()).isEqualTo(1);
        assertThat(settings.details()).isEqualTo(MonitoringSettings.Details.AUTHORIZED);
        assertThat(settings.readinessScenarioTags()).isEmpty();
        assertThat(settings.scheduleEnabled()).isFalse();
        assertThat(settings.scheduleTags()).isEqualTo("smoke");
        assertThat(settings.scheduleInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void readsEveryKey() {
        MonitoringSettings settings = read(Map.of(MonitoringSettings.HEALTH_TTL, "2s",
                MonitoringSettings.SHOW_DETAILS, "never", MonitoringSettings.READINESS_SCENARIO_TAGS, "critical",
                MonitoringSettings.READINESS_SCENARIO_FAILURES, "5", MonitoringSettings.SCHEDULE_ENABLED, "true",
                MonitoringSettings.SCHEDULE_INTERVAL, "1m", MonitoringSettings.SCHEDULE_JITTER, "0s",
                MonitoringSettings.SCHEDULE_TAGS, "smoke & !slow", MonitoringSettings.KPI_WINDOW, "20"));
        assertThat(settings.healthTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.details()).isEqualTo(MonitoringSettings.Details.NEVER);
        assertThat(settings.readinessScenarioTags()).contains("critical");
        assertThat(settings.readinessScenarioFailures()).isEqualTo(5);
        assertThat(settings.scheduleEnabled()).isTrue();
        assertThat(settings.scheduleJitter()).isZero();
        assertThat(settings.scheduleTags()).isEqualTo("smoke & !slow");
        assertThat(settings.kpiWindow()).isEqualTo(20);
    }

    @Test
    void defaultJitterIsATenthOfAShortIntervalAndAtMostThirtySeconds() {
        assertThat(read(Map.of(MonitoringSettings.SCHEDULE_INTERVAL, "10s")).scheduleJitter())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(read(Map.of(MonitoringSettings.SCHEDULE_INTERVAL, "1h")).scheduleJitter())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badValuesFailNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.HEALTH_TTL, "often")))
                .hasMessageContaining("selftest.health.ttl must be a positive duration");
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.HEALTH_TIMEOUT, "0s")))
                .hasMessageContaining("selftest.health.timeout must be a positive duration");
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.FAILURE_ATTEMPTS, "0")))
                .hasMessage("selftest.health.failure-attempts must be a whole number from 1 to 100, was '0'");
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.SHOW_DETAILS, "sometimes")))
                .hasMessage("selftest.health.show-details must be authorized, always or never, was 'sometimes'");
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.READINESS_SCENARIO_TAGS, "critical &")))
                .hasMessageContaining("selftest.health.readiness.scenario-tags must be a tag expression");
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.SCHEDULE_JITTER, "-1s")))
                .hasMessageContaining("selftest.schedule.jitter");
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.SCHEDULE_INTERVAL, "1m",
                MonitoringSettings.SCHEDULE_JITTER, "1m")))
                .hasMessage("selftest.schedule.jitter must be shorter than selftest.schedule.interval (1m), was '1m'");
        assertThatThrownBy(() -> read(Map.of(MonitoringSettings.SCHEDULE_ENABLED, "on")))
                .hasMessageContaining("selftest.schedule.enabled must be true or false");
    }

    @Test
    void badValuesStopTheStart() {
        assertThatThrownBy(() -> Selftest.builder().setting(MonitoringSettings.HEALTH_TTL, "soon").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selftest.health.ttl");
    }
}
