package dev.selftest;

import dev.selftest.api.ControlApi;
import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.cleanup.CleanupReport;
import dev.selftest.internal.cleanup.CleanupCoordinator;
import dev.selftest.internal.cleanup.DurableCleanup;
import dev.selftest.health.Health;
import dev.selftest.health.HealthCheckOptions;
import dev.selftest.health.HealthKind;
import dev.selftest.internal.api.DefaultControlApi;
import dev.selftest.internal.api.RunEvents;
import dev.selftest.internal.config.Durations;
import dev.selftest.internal.config.MonitoringSettings;
import dev.selftest.internal.config.Settings;
import dev.selftest.internal.health.HealthMonitor;
import dev.selftest.internal.health.ScenarioReadinessCheck;
import dev.selftest.internal.kpi.KpiRecorder;
import dev.selftest.internal.kpi.PrometheusText;
import dev.selftest.internal.run.RunEngine;
import dev.selftest.internal.run.ScenarioCatalog;
import dev.selftest.internal.schedule.RunScheduler;
import dev.selftest.internal.select.TagExpression;
import dev.selftest.kpi.KpiSnapshot;
import dev.selftest.notify.WebhookNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.eclipse.microprofile.health.HealthCheck;
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

    private final ScenarioCatalog scenarios;
    private final Environment environment;
    private final Settings settings;
    private final MeterRegistry meterRegistry;
    private final RunEngine engine;
    private final HealthMonitor health;
    private final KpiRecorder kpis;
    private final @Nullable RunScheduler scheduler;
    /** Set by {@link #startBackgroundWork()}, and by {@link #close()} so that a later start does nothing. */
    private final AtomicBoolean backgroundWorkStarted = new AtomicBoolean();
    private final CleanupCoordinator cleanup;
    private final SafetyPolicy policy;
    private final MonitoringSettings monitoring;
    private final RunEvents runEvents = new RunEvents();
    private final AtomicReference<ControlApi> controlApi = new AtomicReference<>();
    private final Optional<WebhookNotifier> notifier;

    private Selftest(Builder builder, Settings settings, MonitoringSettings monitoring, ConfigSource config) {
        this.settings = settings;
        this.scenarios = new ScenarioCatalog(builder.scenarios, builder.discoveries, ScenarioCatalog.DISCOVERY_WAIT,
                this::discovered);
        this.environment = Environment.of(settings.environment(), config);
        this.meterRegistry = builder.meterRegistry != null ? builder.meterRegistry : PrometheusText.defaultRegistry();
        this.policy = SafetyPolicy.standard(settings.productionEnvironments()).and(builder.safetyPolicy);
        this.monitoring = monitoring;
        Optional<DurableCleanup> durable = builder.cleanupHandlers.isEmpty() ? Optional.empty()
                : Optional.of(new DurableCleanup(builder.journal != null ? builder.journal
                        : CleanupJournal.file(Path.of(settings.journalDirectory())), builder.cleanupHandlers,
                        settings.cleanupRetryInterval(), builder.clock));
        this.engine = new RunEngine(scenarios, environment, policy, settings, meterRegistry, durable,
                builder.providerStates, builder.clock);
        this.health = new HealthMonitor(healthChecks(builder), monitoring, builder.clock);
        this.kpis = new KpiRecorder(meterRegistry, scenarios::known, engine::stats, health, builder.kpiNames,
                monitoring.kpiWindow(), builder.clock);
        engine.addListener(kpis);
        engine.addListener(runEvents);
        builder.listeners.forEach(engine::addListener);
        this.notifier = WebhookNotifier.fromConfig(config);
        notifier.ifPresent(engine::addListener);
        this.cleanup = new CleanupCoordinator(durable, builder.sweepers, engine::runningRunIds);
        health.start();
        this.scheduler = monitoring.scheduleEnabled() ? scheduler() : null;
        if (!builder.deferBackgroundWork) {
            startBackgroundWork();
        }
        if (settings.token().isEmpty() && settings.readToken().isEmpty()) {
            LOG.warn("Selftest control API is off: no token configured. Set the environment variable SELFTEST_TOKEN "
                    + "(or the property {}) to turn it on. Health stays public.", Settings.TOKEN);
        }
    }

    /** Scenarios a discovery found, before any run can select them. */
    private void discovered(List<Scenario> found) {
        kpis.register(found);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The registered checks, plus the scenario-derived readiness check when it is turned on. */
    private List<HealthMonitor.Registration> healthChecks(Builder builder) {
        List<HealthMonitor.Registration> checks = new ArrayList<>(builder.healthChecks);
        monitoring.readinessScenarioTags().ifPresent(tags -> {
            checks.add(new HealthMonitor.Registration(HealthKind.READINESS,
                    new ScenarioReadinessCheck(scenarios::known, engine::stats, tags,
                            monitoring.readinessScenarioFailures()),
                    HealthCheckOptions.defaults().withName(ScenarioReadinessCheck.NAME)
                            .withFailureAttempts(1).withSuccessAttempts(1)));
        });
        return checks;
    }

    /** The scheduler, or none when no scenario can ever be scheduled (none matches, and none is left to discover). */
    private @Nullable RunScheduler scheduler() {
        TagExpression tags = TagExpression.parse(monitoring.scheduleTags());
        String nothing = "no scenario matching '" + monitoring.scheduleTags() + "' (" + MonitoringSettings.SCHEDULE_TAGS
                + ") may run in environment '" + environment.name() + "'";
        Function<Collection<Scenario>, List<String>> scheduled = candidates -> candidates.stream()
                .filter(s -> tags.matches(s.tags()) && policy.refusal(s, environment).isEmpty())
                .map(Scenario::id).toList();
        if (!scenarios.undiscovered() && scheduled.apply(scenarios.known()).isEmpty()) {
            LOG.warn("Scheduled runs are on, but {}: nothing is scheduled", nothing);
            return null;
        }
        return new RunScheduler(engine, () -> {
            List<String> ids = scheduled.apply(scenarios.all().values());
            if (ids.isEmpty()) {
                throw RunRejectedException.invalidSelection(nothing);
            }
            return ids;
        }, monitoring.scheduleInterval(), monitoring.scheduleJitter(), settings.shutdownGrace());
    }

    /**
     * Starts the work Selftest does in the background besides health checks, which run from the moment it is built:
     * registering its meters, replaying the durable cleanup journal (then retrying and sweeping on their intervals)
     * and scheduled runs ({@code selftest.schedule.*}, after {@code selftest.schedule.initial-delay}) when they are
     * on. Does nothing when already started or closed. Only needed after {@link Builder#deferBackgroundWork()}.
     */
    public void startBackgroundWork() {
        if (backgroundWorkStarted.compareAndSet(false, true)) {
            kpis.registerInBackground();
            cleanup.start(settings.cleanupRetryInterval(), settings.sweepInterval());
            if (scheduler != null) {
                scheduler.start(monitoring.scheduleInitialDelay());
            }
        }
    }

    /** Stops scheduled runs for good (a run in progress goes on); {@link #close()} does it too. */
    public void stopSchedule() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    /**
     * Every scenario known now, in registration order. Scenarios of a {@link Builder#discoverScenarios(Supplier)
     * discovery} appear once the first run, scheduled run or {@code GET /selftest/scenarios} needed them.
     */
    public List<Scenario> scenarios() {
        return scenarios.known();
    }

    /** A scenario known now, by id. */
    public Optional<Scenario> scenario(String id) {
        return scenarios.find(id);
    }

    public Environment environment() {
        return environment;
    }

    /**
     * The registry Selftest records its metrics in and hands to scenarios for KPIs. Selftest's own series, registered
     * in the background when its {@linkplain #startBackgroundWork() background work} starts, are in it once this
     * returns: it registers them itself when that work has not started yet.
     */
    public MeterRegistry meterRegistry() {
        kpis.awaitRegistration();
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

    /** Liveness, readiness and startup, answered from state kept fresh in the background. */
    public Health health() {
        return health;
    }

    /** Technical and functional KPIs now, as {@code GET /selftest/kpis} serves them. */
    public KpiSnapshot kpis() {
        return kpis.snapshot();
    }

    /**
     * The transport-neutral handler of the HTTP control API; transports only translate to and from it. Built on the
     * first call, so that start-up does not pay for it; runs started before then are known to it all the same.
     */
    public ControlApi controlApi() {
        ControlApi api = controlApi.get();
        // Two first calls at once may both build one (it has no side effects); only the first stored is ever used.
        return api != null ? api : controlApi.updateAndGet(stored -> stored != null ? stored
                : new DefaultControlApi(this, engine, runEvents, policy, settings, monitoring));
    }

    /**
     * Stops scheduled runs, cancels running runs and waits for their cleanup (at most
     * {@code selftest.runner.shutdown-grace}), then stops the health checks.
     */
    @Override
    public void close() {
        backgroundWorkStarted.set(true);
        stopSchedule();
        engine.close();
        cleanup.close();
        health.close();
        kpis.close();
        notifier.ifPresent(WebhookNotifier::close);
    }

    /** Builds a {@link Selftest}. Settings come from {@link ConfigSource#systemAndEnvironment()} unless given. */
    public static final class Builder {
        private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
        private final List<Supplier<? extends Collection<Scenario>>> discoveries = new ArrayList<>();
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private final List<RunListener> listeners = new ArrayList<>();
        private final List<Sweeper> sweepers = new ArrayList<>();
        private final List<HealthMonitor.Registration> healthChecks = new ArrayList<>();
        private final Set<String> kpiNames = new LinkedHashSet<>();
        private boolean deferBackgroundWork;
        private @Nullable ConfigSource config;
        private @Nullable MeterRegistry meterRegistry;
        private SafetyPolicy safetyPolicy = (scenario, environment) -> Optional.empty();
        private Clock clock = Clock.systemUTC();
        private final Map<String, CleanupHandler> cleanupHandlers = new LinkedHashMap<>();
        private final Map<String, ProviderStateHandler> providerStates = new LinkedHashMap<>();
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

        /**
         * Adds the scenarios that {@code discovery} finds, such as JUnit checks packaged with the application, without
         * holding up start-up: it is called once, on a thread of its own, when the first run, scheduled run or
         * {@code GET /selftest/scenarios} needs every scenario (callers wait for it, at most a minute). If it
         * throws or finds an id that is already taken, the failure is logged and runs are refused with it
         * ({@link RunRejectedException.Reason#SCENARIOS_UNAVAILABLE}). KPI series of the scenarios it finds are
         * registered before they can run.
         */
        public Builder discoverScenarios(Supplier<? extends Collection<Scenario>> discovery) {
            discoveries.add(discovery);
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

        /**
         * The registry Selftest records its meters in. Without one it uses a Prometheus registry when
         * {@code micrometer-registry-prometheus} is on the classpath (so {@code /selftest/metrics} works), otherwise
         * a simple in-memory registry.
         */
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
         * Registers a Pact provider state by name, set up and torn down through {@code POST /selftest/provider-states}.
         *
         * @throws IllegalArgumentException when a state of that name is already registered
         */
        public Builder providerState(String name, ProviderStateHandler handler) {
            if (name.isBlank() || providerStates.putIfAbsent(name, handler) != null) {
                throw new IllegalArgumentException("provider state '" + name + "' is blank or already registered");
            }
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

        /**
         * Adds a MicroProfile Health check of the given kind. It runs in the background every
         * {@code selftest.health.ttl} with the {@code selftest.health.*} timeout and hysteresis.
         */
        public Builder healthCheck(HealthKind kind, HealthCheck check) {
            return healthCheck(kind, check, HealthCheckOptions.defaults());
        }

        /** Adds a MicroProfile Health check of the given kind, with its own name, timeout or hysteresis. */
        public Builder healthCheck(HealthKind kind, HealthCheck check, HealthCheckOptions options) {
            healthChecks.add(new HealthMonitor.Registration(kind, check, options));
            return this;
        }

        /**
         * Makes readiness DOWN while a scenario matching {@code tagExpression} (such as {@code critical}) has failed
         * {@code consecutiveFailures} times in a row. Liveness never depends on scenarios.
         */
        public Builder readinessFromScenarios(String tagExpression, int consecutiveFailures) {
            setting(MonitoringSettings.READINESS_SCENARIO_TAGS, tagExpression);
            return setting(MonitoringSettings.READINESS_SCENARIO_FAILURES, Integer.toString(consecutiveFailures));
        }

        /**
         * Runs the scenarios tagged {@code smoke} (see {@code selftest.schedule.tags}) that the environment allows,
         * every {@code interval} plus jitter, with trigger {@code schedule}.
         */
        public Builder schedule(Duration interval) {
            setting(MonitoringSettings.SCHEDULE_ENABLED, "true");
            return setting(MonitoringSettings.SCHEDULE_INTERVAL, Durations.format(interval));
        }

        /**
         * Leaves the background work (meter registration, the cleanup journal's replay, retries and sweeps, scheduled
         * runs) until {@link Selftest#startBackgroundWork()}: for frameworks that start it once the application is
         * ready, so that it neither competes with the application's start-up nor runs scenarios against an
         * application that is not serving yet. Health checks and the control API work from the start; a run started
         * before then registers its own series, and {@link Selftest#meterRegistry()} registers the rest when asked.
         */
        public Builder deferBackgroundWork() {
            this.deferBackgroundWork = true;
            return this;
        }

        /** Marks the application's meters with this name as functional KPIs (or tag them with {@code kpi=true}). */
        public Builder kpi(String meterName) {
            kpiNames.add(meterName);
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
            ConfigSource layered = ConfigSource.of(Map.copyOf(overrides))
                    .or(config != null ? config : ConfigSource.systemAndEnvironment());
            return new Selftest(this, Settings.from(layered), MonitoringSettings.from(layered), layered);
        }
    }
}
