package dev.selftest.internal.config;

import dev.selftest.ConfigSource;
import dev.selftest.internal.select.TagExpression;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code selftest.health.*}, {@code selftest.schedule.*} and {@code selftest.kpi.*} settings, validated once at
 * start-up like {@link Settings} (kept apart so that health and scheduling change without touching the runner's).
 */
public record MonitoringSettings(
        Duration healthTtl,
        Duration healthTimeout,
        int failureAttempts,
        int successAttempts,
        Details details,
        Optional<String> readinessScenarioTags,
        int readinessScenarioFailures,
        boolean scheduleEnabled,
        Duration scheduleInterval,
        Duration scheduleJitter,
        Duration scheduleInitialDelay,
        String scheduleTags,
        int kpiWindow) {

    public static final String HEALTH_TTL = "selftest.health.ttl";
    public static final String HEALTH_TIMEOUT = "selftest.health.timeout";
    public static final String FAILURE_ATTEMPTS = "selftest.health.failure-attempts";
    public static final String SUCCESS_ATTEMPTS = "selftest.health.success-attempts";
    public static final String SHOW_DETAILS = "selftest.health.show-details";
    public static final String READINESS_SCENARIO_TAGS = "selftest.health.readiness.scenario-tags";
    public static final String READINESS_SCENARIO_FAILURES = "selftest.health.readiness.scenario-failures";
    public static final String SCHEDULE_ENABLED = "selftest.schedule.enabled";
    public static final String SCHEDULE_INTERVAL = "selftest.schedule.interval";
    public static final String SCHEDULE_JITTER = "selftest.schedule.jitter";
    public static final String SCHEDULE_INITIAL_DELAY = "selftest.schedule.initial-delay";
    public static final String SCHEDULE_TAGS = "selftest.schedule.tags";
    public static final String KPI_WINDOW = "selftest.kpi.window";

    /** Who sees the {@code data} of health checks; status and names are always public. */
    public enum Details {
        /** Callers with READ access (the default). */
        AUTHORIZED,
        /** Everyone. */
        ALWAYS,
        /** No one. */
        NEVER
    }

    /** Reads and validates every setting. @throws IllegalArgumentException naming the key of a bad value */
    public static MonitoringSettings from(ConfigSource config) {
        Settings.Reader reader = new Settings.Reader(config);
        Duration interval = reader.duration(SCHEDULE_INTERVAL, Duration.ofMinutes(5));
        Duration defaultJitter = interval.dividedBy(10).compareTo(Duration.ofSeconds(30)) < 0
                ? interval.dividedBy(10) : Duration.ofSeconds(30);
        Duration jitter = nonNegative(reader, SCHEDULE_JITTER, defaultJitter);
        if (jitter.compareTo(interval) >= 0) {
            throw new IllegalArgumentException(SCHEDULE_JITTER + " must be shorter than " + SCHEDULE_INTERVAL + " ("
                    + Durations.format(interval) + "), was '" + Durations.format(jitter) + "'");
        }
        return new MonitoringSettings(
                reader.duration(HEALTH_TTL, Duration.ofSeconds(10)),
                reader.duration(HEALTH_TIMEOUT, Duration.ofSeconds(2)),
                reader.integer(FAILURE_ATTEMPTS, 1, 1, 100),
                reader.integer(SUCCESS_ATTEMPTS, 1, 1, 100),
                reader.parsed(SHOW_DETAILS, Details.AUTHORIZED,
                        value -> Details.valueOf(value.trim().toUpperCase(Locale.ROOT)),
                        "authorized, always or never"),
                tagExpression(reader, READINESS_SCENARIO_TAGS),
                reader.integer(READINESS_SCENARIO_FAILURES, 3, 1, 1000),
                reader.bool(SCHEDULE_ENABLED, false),
                interval,
                jitter,
                nonNegative(reader, SCHEDULE_INITIAL_DELAY, Duration.ofSeconds(30)),
                tagExpression(reader, SCHEDULE_TAGS).orElse("smoke"),
                reader.integer(KPI_WINDOW, 100, 1, 100_000));
    }

    private static Duration nonNegative(Settings.Reader reader, String key, Duration fallback) {
        return reader.parsed(key, fallback, value -> {
            Duration duration = Durations.parse(value);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return duration;
        }, "a duration of zero or more such as 0s, 500ms or 30s");
    }

    private static Optional<String> tagExpression(Settings.Reader reader, String key) {
        if (reader.config().value(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reader.parsed(key, "", value -> {
            TagExpression.parse(value);
            return value.trim();
        }, "a tag expression such as critical or smoke & !slow"));
    }
}
