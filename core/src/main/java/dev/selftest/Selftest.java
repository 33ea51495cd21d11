package dev.selftest;

import dev.selftest.api.ControlApi;
import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.cleanup.CleanupReport;
import dev.selftest.internal.cleanup.CleanupCoordinator;
import dev.selftest.internal.cleanup.DurableCleanup;
import dev.selftest.internal.api.DefaultControlApi;
import dev.selftest.internal.config.Settings;
import dev.selftest.internal.run.RunEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's self-test: its scenarios, the environment it runs in, and the runner. Build one per application,
 * expose it with a transport ({@link dev.selftest.server.EmbeddedServer} or a framework adapter), and close it on
 * shutdown.
 *
 * <pre>{@code
 * Selftest selftest = Selftest.builder()
 *         .scenario(catalogueCheck)
 *         .scenario(placeAndCancelOrder)
 *         .build();
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Selftest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Selftest.class);

    private final List<Scenario> scenarios;
    private final Environment environment;
    private final Settings settings;
    private final MeterRegistry meterRegistry;
    private final RunEngine engine;
    private final CleanupCoordinator cleanup;
    private final ControlApi controlApi;

    private Selftest(Builder builder, Settings settings, ConfigSource config) {
        this.settings = settings;
        this.scenarios = List.copyOf(builder.scenarios.values());
        this.environment = Environment.of(settings.environment(), config);
        this.meterRegistry = builder.meterRegistry;
        SafetyPolicy policy = SafetyPolicy.standard(settings.productionEnvironments()).and(builder.safetyPolicy);
        Optional<DurableCleanup> durable = builder.cleanupHandlers.isEmpty() ? Optional.empty()
                : Optional.of(new DurableCleanup(builder.journal != null ? builder.journal
                        : CleanupJournal.file(Path.of(settings.journalDirectory())), builder.cleanupHandlers,
                        settings.cleanupRetryInterval(), builder.clock));
        this.engine = new RunEngine(builder.scenarios, environment, policy, settings, meterRegistry, durable,
                builder.clock);
        builder.listeners.forEach(engine::addListener);
        this.cleanup = new CleanupCoordinator(durable, builder.sweepers, engine::runningRunIds);
        cleanup.start(settings.cleanupRetryInterval(), settings.sweepInterval());
        this.controlApi = new DefaultControlApi(this, engine, policy, settings);
        if (settings.token().isEmpty()) {
            LOG.warn("Selftest control API is off: no token configured. Set the environment variable SELFTEST_TOKEN "
                    + "(or the property {}) to turn it on. Health stays public.", Settings.TOKEN);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every registered scenario, in registration order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Optional<Scenario> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Environment environment() {
        return environment;
    }

    /** The registry Selftest records its metrics in and hands to scenarios for KPIs. */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /**
     * Starts a run and returns its first snapshot at once.
     *
     * @throws RunRejectedException when nothing may run (invalid, forbidden, too many runs)
     */
    public Run start(RunRequest request) {
        return engine.start(request);
    }

    /** Starts a run and waits for it to finish, at most {@code wait}; returns the latest snapshot. */
    public Run run(RunRequest request, Duration wait) throws InterruptedException {
        Run started = engine.start(request);
        return engine.await(started.id(), wait).orElse(started);
    }

    /** Waits up to {@code wait} for a run to finish and returns its latest snapshot; empty if unknown. */
    public Optional<Run> await(String runId, Duration wait) throws InterruptedException {
        return engine.await(runId, wait);
    }

    public Optional<Run> findRun(String runId) {
        return engine.find(runId);
    }

    /** Recent runs, newest first (bounded by {@code selftest.history.size}). */
    public List<Run> runs() {
        return engine.runs();
    }

    /** Requests cancellation of a run: empty if unknown, false if it already finished. */
    public Optional<Boolean> cancel(String runId) {
        return engine.cancel(runId);
    }

    /** How a scenario behaved over its recent executions. */
    public ScenarioStats stats(String scenarioId) {
        return engine.stats(scenarioId);
    }

    /**
     * Removes test data now: replays every pending durable cleanup entry and runs every sweeper. Never throws: a
     * failure stays pending (retried with backoff) and is reported.
     */
    public CleanupReport cleanUp() {
        return cleanup.cleanUp();
    }

    public void addListener(RunListener listener) {
        engine.addListener(listener);
    }

    public void removeListener(RunListener listener) {
        engine.removeListener(listener);
    }

    /** The transport-neutral handler of the HTTP control API; transports only translate to and from it. */
    public ControlApi controlApi() {
        return controlApi;
    }

    /** Cancels running runs and waits for their cleanup, at most {@code selftest.runner.shutdown-grace}. */
    @Override
    public void close() {
        engine.close();
        cleanup.close();
    }

    /** Builds a {@link Selftest}. Settings come from {@link ConfigSource#systemAndEnvironment()} unless given. */
    public static final class Builder {
        private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final List<RunListener> listeners = new ArrayList<>();
        private final List<Sweeper> sweepers = new ArrayList<>();
        private ConfigSource config = ConfigSource.systemAndEnvironment();
        private MeterRegistry meterRegistry = new SimpleMeterRegistry();
        private SafetyPolicy safetyPolicy = (scenario, environment) -> Optional.empty();
        private Clock clock = Clock.systemUTC();
        private final Map<String, CleanupHandler> cleanupHandlers = new LinkedHashMap<>();
        private @Nullable CleanupJournal journal;

        private Builder() {
        }

        /**
         * Adds a scenario.
         *
         * @throws IllegalArgumentException when a scenario with the same id is already registered
         */
        public Builder scenario(Scenario scenario) {
            Scenario previous = scenarios.putIfAbsent(scenario.id(), scenario);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate scenario id '" + scenario.id() + "': registered from "
                        + previous.source() + " and again from " + scenario.source());
            }
            return this;
        }

        public Builder scenarios(Collection<Scenario> scenarios) {
            scenarios.forEach(this::scenario);
            return this;
        }

        /** Where {@code selftest.*} settings and test data are read from. */
        public Builder config(ConfigSource config) {
            this.config = config;
            return this;
        }

        /** Sets one {@code selftest.*} setting, ahead of the config source. */
        public Builder setting(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** The environment name, ahead of {@code SELFTEST_ENVIRONMENT}. */
        public Builder environment(String name) {
            return setting(Settings.ENVIRONMENT, name);
        }

        /** The bearer token of the control API, ahead of {@code SELFTEST_TOKEN}. */
        public Builder token(String token) {
            return setting(Settings.TOKEN, token);
        }

        public Builder meterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        /** An extra policy on top of the standard one (which never runs DESTRUCTIVE scenarios in production). */
        public Builder safetyPolicy(SafetyPolicy safetyPolicy) {
            this.safetyPolicy = safetyPolicy;
            return this;
        }

        /**
         * Registers the handler that removes resources of {@code type} tracked with {@link ScenarioContext#track}.
         *
         * @throws IllegalArgumentException when a handler for the type is already registered
         */
        public Builder cleanupHandler(String type, CleanupHandler handler) {
            if (cleanupHandlers.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("a cleanup handler for type '" + type + "' is already registered");
            }
            return this;
        }

        /**
         * Where durable cleanup intents are kept; by default a file journal in {@code selftest.cleanup.journal-dir}
         * ({@code .selftest}). Use {@link CleanupJournal#jdbc} to keep them in the application's database.
         */
        public Builder cleanupJournal(CleanupJournal journal) {
            this.journal = journal;
            return this;
        }

        /** Adds a sweeper that {@code POST /selftest/cleanup} and the sweep schedule run. */
        public Builder sweeper(Sweeper sweeper) {
            sweepers.add(sweeper);
            return this;
        }

        public Builder listener(RunListener listener) {
            listeners.add(listener);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @throws IllegalArgumentException naming the key of an invalid setting */
        public Selftest build() {
            ConfigSource layered = ConfigSource.of(Map.copyOf(overrides)).or(config);
            return new Selftest(this, Settings.from(layered), layered);
        }
    }
}
