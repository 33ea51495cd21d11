package dev.selftest.internal.config;

import dev.selftest.ConfigSource;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code selftest.*} setting core reads, validated once at start-up. A bad value fails with a message that
 * names the key.
 */
public record Settings(
        String environment,
        Optional<String> token,
        Optional<String> readToken,
        String basePath,
        int poolSize,
        int maxConcurrentRuns,
        int maxRunsPerMinute,
        Duration interruptGrace,
        Duration cleanupTimeout,
        String journalDirectory,
        Duration cleanupRetryInterval,
        Duration sweepInterval,
        Duration shutdownGrace,
        Duration maxWait,
        int historySize,
        int statsWindow,
        Set<String> productionEnvironments,
        boolean stackTraces,
        Duration providerStateTimeout,
        Duration providerStateTimeToLive,
        boolean providerStatesInProduction,
        int maxRequestBytes) {

    public static final String ENVIRONMENT = "selftest.environment";
    public static final String TOKEN = "selftest.token";
    public static final String READ_TOKEN = "selftest.read-token";
    public static final String BASE_PATH = "selftest.base-path";
    public static final String POOL_SIZE = "selftest.runner.pool-size";
    public static final String MAX_CONCURRENT_RUNS = "selftest.runner.max-concurrent-runs";
    public static final String MAX_RUNS_PER_MINUTE = "selftest.runner.max-runs-per-minute";
    public static final String INTERRUPT_GRACE = "selftest.runner.interrupt-grace";
    public static final String CLEANUP_TIMEOUT = "selftest.cleanup.timeout";
    public static final String JOURNAL_DIR = "selftest.cleanup.journal-dir";
    public static final String CLEANUP_RETRY_INTERVAL = "selftest.cleanup.retry-interval";
    public static final String SWEEP_INTERVAL = "selftest.cleanup.sweep-interval";
    public static final String SHUTDOWN_GRACE = "selftest.runner.shutdown-grace";
    public static final String MAX_WAIT = "selftest.api.max-wait";
    public static final String HISTORY_SIZE = "selftest.history.size";
    public static final String STATS_WINDOW = "selftest.history.stats-window";
    public static final String PRODUCTION_ENVIRONMENTS = "selftest.safety.production-environments";
    public static final String STACK_TRACES = "selftest.report.stack-traces";
    public static final String PROVIDER_STATE_TIMEOUT = "selftest.provider-states.timeout";
    public static final String PROVIDER_STATE_TTL = "selftest.provider-states.time-to-live";
    public static final String PROVIDER_STATES_IN_PRODUCTION = "selftest.provider-states.allow-in-production";
    public static final String MAX_REQUEST_BYTES = "selftest.server.max-request-bytes";

    /** Reads and validates every setting. @throws IllegalArgumentException naming the key of a bad value */
    public static Settings from(ConfigSource config) {
        Reader reader = new Reader(config);
        return new Settings(
                reader.text(ENVIRONMENT, "dev"),
                config.value(TOKEN),
                config.value(READ_TOKEN),
                reader.basePath(),
                reader.integer(POOL_SIZE, 4, 1, 256),
                reader.integer(MAX_CONCURRENT_RUNS, 2, 1, 64),
                reader.integer(MAX_RUNS_PER_MINUTE, 60, 1, 100_000),
                reader.duration(INTERRUPT_GRACE, Duration.ofSeconds(1)),
                reader.duration(CLEANUP_TIMEOUT, Duration.ofSeconds(30)),
                reader.text(JOURNAL_DIR, ".selftest"),
                reader.duration(CLEANUP_RETRY_INTERVAL, Duration.ofSeconds(30)),
                reader.duration(SWEEP_INTERVAL, Duration.ofHours(1)),
                reader.duration(SHUTDOWN_GRACE, Duration.ofSeconds(10)),
                reader.duration(MAX_WAIT, Duration.ofMinutes(10)),
                reader.integer(HISTORY_SIZE, 100, 1, 100_000),
                reader.integer(STATS_WINDOW, 100, 1, 10_000),
                reader.set(PRODUCTION_ENVIRONMENTS, "production,prod"),
                reader.bool(STACK_TRACES, false),
                reader.duration(PROVIDER_STATE_TIMEOUT, Duration.ofSeconds(30)),
                reader.duration(PROVIDER_STATE_TTL, Duration.ofMinutes(10)),
                reader.bool(PROVIDER_STATES_IN_PRODUCTION, false),
                reader.integer(MAX_REQUEST_BYTES, 64 * 1024, 1024, 16 * 1024 * 1024));
    }

    @Override
    public String toString() {
        return "Settings[environment=" + environment + ", token=" + (token.isPresent() ? "(set)" : "(none)")
                + ", readToken=" + (readToken.isPresent() ? "(set)" : "(none)")
                + ", basePath=" + basePath + ", poolSize=" + poolSize + ", maxConcurrentRuns=" + maxConcurrentRuns
                + "]";
    }

    /** Reads typed values; package-private so that sibling settings records share it. */
    record Reader(ConfigSource config) {
        String text(String key, String fallback) {
            return config.value(key).map(String::trim).orElse(fallback);
        }

        int integer(String key, int fallback, int min, int max) {
            return parsed(key, fallback, value -> {
                int number = Integer.parseInt(value.trim());
                if (number < min || number > max) {
                    throw new IllegalArgumentException("out of range");
                }
                return number;
            }, "a whole number from " + min + " to " + max);
        }

        Duration duration(String key, Duration fallback) {
            return parsed(key, fallback, value -> {
                Duration duration = Durations.parse(value);
                if (duration.isNegative() || duration.isZero()) {
                    throw new IllegalArgumentException("not positive");
                }
                return duration;
            }, "a positive duration such as 500ms, 30s or 10m");
        }

        boolean bool(String key, boolean fallback) {
            return parsed(key, fallback, value -> switch (value.trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("not a boolean");
            }, "true or false");
        }

        Set<String> set(String key, String fallback) {
            return Arrays.stream(text(key, fallback).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        }

        String basePath() {
            String path = text(BASE_PATH, "/selftest");
            if (!path.matches("(/[A-Za-z0-9._-]+)+")) {
                throw new IllegalArgumentException(BASE_PATH + " must look like /selftest or /ops/selftest, was '"
                        + path + "'");
            }
            return path;
        }

        <T> T parsed(String key, T fallback, Function<String, T> parser, String expected) {
            Optional<String> value = config.value(key);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return parser.apply(value.get());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + " must be " + expected + ", was '" + value.get() + "'");
            }
        }
    }
}
