package dev.selftest.spring;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code selftest.*} configuration keys, documented here so that IDEs complete them (Spring Boot's configuration
 * processor generates their metadata from this record). Core reads and validates the same keys from Spring's
 * {@code Environment} as the {@code Selftest} bean is built, so every way Spring sets a property (application.yaml,
 * profiles, {@code SELFTEST_TOKEN} and other environment variables, command-line arguments) works for every key, and a
 * bad value stops start-up naming its key. The adapter binds only what it reads itself ({@link Junit} key by key,
 * {@link Security}), never the whole record: binding it would cost start-up time for nothing.
 *
 * @param enabled     Whether Selftest is on at all; 'false' removes every Selftest bean, endpoint and check.
 * @param environment The named stage the application runs in, such as 'dev', 'staging' or
 *                    'production' (from 'SELFTEST_ENVIRONMENT' too).
 * @param token       The bearer token of the control API (from 'SELFTEST_TOKEN' too); without it and without
 *                    Spring Security every endpoint but health is off.
 * @param readToken   A second bearer token that may only read (scenarios, runs, reports), for dashboards and
 *                    monitoring (from 'SELFTEST_READ_TOKEN' too).
 * @param basePath    Where the control API is served on the application's port.
 * @param runner      How scenarios are run.
 * @param cleanup     How cleanup is run.
 * @param api         Limits of the control API.
 * @param history     How much run history is kept.
 * @param safety      Which environments count as production.
 * @param report      What reports show.
 * @param server      Limits of the HTTP transport.
 * @param security    How Spring Security callers are mapped to Selftest access.
 * @param health      How health checks are run and shown.
 * @param schedule    Scheduled runs of the production-safe scenarios; started once the application is ready.
 * @param kpi         How KPIs are computed.
 * @param providerStates How Pact provider states are set up and torn down.
 * @param junit       JUnit tests offered as scenarios through the JUnit bridge.
 * @param data        Test data read by scenarios: 'selftest.data.<environment>.<key>' values, and 'selftest.data.dir', a
 *                    directory of '<environment>.properties' files.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@ConfigurationProperties("selftest")
public record SelftestProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("dev") String environment,
        @Nullable String token,
        @Nullable String readToken,
        @DefaultValue(SelftestProperties.DEFAULT_BASE_PATH) String basePath,
        @DefaultValue Runner runner,
        @DefaultValue Cleanup cleanup,
        @DefaultValue Api api,
        @DefaultValue History history,
        @DefaultValue Safety safety,
        @DefaultValue Report report,
        @DefaultValue Server server,
        @DefaultValue Security security,
        @DefaultValue Health health,
        @DefaultValue Schedule schedule,
        @DefaultValue Kpi kpi,
        @DefaultValue ProviderStates providerStates,
        @DefaultValue Junit junit,
        Map<String, String> data) {
    /** Where the control API is served unless {@code selftest.base-path} says otherwise. */
    public static final String DEFAULT_BASE_PATH = "/selftest";


    public SelftestProperties {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "SelftestProperties[enabled=" + enabled + ", environment=" + environment + ", token="
                + (token == null ? "(none)" : "(set)") + ", readToken=" + (readToken == null ? "(none)" : "(set)")
                + ", basePath=" + basePath + "]";
    }

    /**
     * How scenarios are run.
     *
     * @param poolSize          Threads that run scenario bodies, shared by all runs.
     * @param maxConcurrentRuns Runs at once; one more is refused with 429.
     * @param maxRunsPerMinute  Runs started through the control API per minute; more are refused with 429.
     * @param interruptGrace    How long a timed-out or cancelled body gets after its interrupt before it is
     *                          abandoned.
     * @param shutdownGrace     How long shutdown waits for running runs to cancel and clean up.
     */
    public record Runner(@DefaultValue("4") int poolSize, @DefaultValue("2") int maxConcurrentRuns,
                         @DefaultValue("60") int maxRunsPerMinute, @DefaultValue("1s") Duration interruptGrace,
                         @DefaultValue("10s") Duration shutdownGrace) {
    }

    /**
     * How cleanup is run.
     *
     * @param timeout       How long one cleanup action may take.
     * @param journal       Where durable cleanup intents ('context.track(type, id)') are kept: in a file under
     *                      'journal-dir', or in a table of the application's own DataSource.
     * @param journalDir    The directory of the file journal.
     * @param retryInterval How soon a tracked resource whose removal failed is tried again (it backs off from
     *                      there).
     * @param sweepInterval How often the sweepers run by themselves.
     */
    public record Cleanup(@DefaultValue("30s") Duration timeout, @DefaultValue("file") Journal journal,
                          @DefaultValue(".selftest") String journalDir, @DefaultValue("30s") Duration retryInterval,
                          @DefaultValue("1h") Duration sweepInterval) {
    }

    /** Where durable cleanup intents are kept. */
    public enum Journal {
        /** An append-only file under 'selftest.cleanup.journal-dir'. */
        FILE,
        /** A table 'selftest_cleanup_journal' in the application's DataSource, created if missing. */
        JDBC
    }

    /**
     * Limits of the control API.
     *
     * @param maxWait The longest '?wait=' a request may ask for.
     */
    public record Api(@DefaultValue("10m") Duration maxWait) {
    }

    /**
     * How much run history is kept in memory.
     *
     * @param size        Runs kept, newest first.
     * @param statsWindow Executions per scenario that pass rates and percentiles are computed over.
     */
    public record History(@DefaultValue("100") int size, @DefaultValue("100") int statsWindow) {
    }

    /**
     * Which environments count as production, where DESTRUCTIVE scenarios never run.
     *
     * @param productionEnvironments Environment names treated as production.
     */
    public record Safety(@DefaultValue({"production", "prod"}) List<String> productionEnvironments) {
    }

    /**
     * What reports show.
     *
     * @param stackTraces Whether failures in API responses and JUnit XML carry stack traces.
     */
    public record Report(@DefaultValue("false") boolean stackTraces) {
    }

    /**
     * Limits of the HTTP transport.
     *
     * @param maxRequestBytes The largest request body accepted; larger ones get 413.
     */
    public record Server(@DefaultValue("65536") int maxRequestBytes) {
    }

    /**
     * How callers that Spring Security authenticated are mapped to Selftest access. Callers it did not authenticate
     * fall back to the bearer-token rules.
     *
     * @param operateRole The role (without 'ROLE_') that may start and cancel runs and clean up; any
     *                    authenticated caller may read.
     * @param filterChain Whether Selftest adds its own security filter chain for the base path (HTTP Basic,
     *                    stateless, access decided by Selftest); turn it off to secure the path in your own chain.
     */
    public record Security(@DefaultValue("SELFTEST_OPERATOR") String operateRole,
                           @DefaultValue("true") boolean filterChain) {
    }

    /**
     * How health checks are run and shown. Checks run in the background; probes read their latest results.
     *
     * @param ttl             How often each check runs (and how long a result stays fresh).
     * @param timeout         How long one check may take before it counts as DOWN.
     * @param failureAttempts Consecutive DOWN results before a check reports DOWN.
     * @param successAttempts Consecutive UP results before a DOWN check reports UP again.
     * @param showDetails     Who sees check data on '/selftest/health': 'authorized' (READ callers), 'always' or
     *                        'never'. Actuator's health endpoint follows its own 'management.endpoint.health.*'.
     * @param readiness       Readiness derived from scenario results.
     */
    public record Health(@DefaultValue("10s") Duration ttl, @DefaultValue("2s") Duration timeout,
                         @DefaultValue("1") int failureAttempts, @DefaultValue("1") int successAttempts,
                         @DefaultValue("authorized") String showDetails, @DefaultValue Readiness readiness) {
    }

    /**
     * Readiness derived from scenario results (opt-in): the check 'scenarios' goes DOWN when a scenario matching
     * the tags failed this many times in a row. Add 'selftest/readiness' to Actuator's readiness group to make it
     * take the instance out of the load balancer.
     *
     * @param scenarioTags     Tag expression of the scenarios readiness depends on, such as 'critical'; unset
     *                         leaves readiness independent of scenarios.
     * @param scenarioFailures Consecutive failures of one scenario that make readiness DOWN.
     */
    public record Readiness(@Nullable String scenarioTags, @DefaultValue("3") int scenarioFailures) {
    }

    /**
     * Scheduled runs of the production-safe scenarios. They start when the application is ready and stop when it
     * shuts down.
     *
     * @param enabled      Whether scenarios run on a schedule.
     * @param interval     Time between scheduled runs.
     * @param jitter       Random extra delay of each run, so that instances do not run together; by default a tenth
     *                     of the interval, at most 30s.
     * @param initialDelay Delay of the first run after the application is ready.
     * @param tags         Tag expression of the scheduled scenarios (the environment's safety rules still apply).
     */
    public record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("5m") Duration interval,
                           @Nullable Duration jitter, @DefaultValue("30s") Duration initialDelay,
                           @DefaultValue("smoke") String tags) {
    }

    /**
     * How KPIs are computed.
     *
     * @param window Recent executions per scenario that pass rates are computed over.
     */
    public record Kpi(@DefaultValue("100") int window) {
    }

    /**
     * How Pact provider states ('POST /selftest/provider-states') are set up and torn down.
     *
     * @param timeout           How long one setup may take.
     * @param timeToLive        How long a state set up and never torn down lives before its cleanup runs anyway.
     * @param allowInProduction Whether provider states may be set up in a production environment.
     */
    public record ProviderStates(@DefaultValue("30s") Duration timeout, @DefaultValue("10m") Duration timeToLive,
                                 @DefaultValue("false") boolean allowInProduction) {
    }

    /**
     * JUnit Jupiter tests offered as scenarios (needs selftest-junit-bridge and the JUnit Platform Launcher). Test
     * classes are found with Spring's classpath scanning, which also reads a Spring Boot executable jar.
     *
     * @param packages    Packages (and their sub-packages) whose test classes become scenarios; none turns the
     *                    bridge off.
     * @param tags        JUnit tag expression of the tests to offer, such as 'smoke & !slow'.
     * @param granularity One scenario per test class ('class') or per test method ('method').
     * @param timeout     The timeout of each bridged scenario.
     */
    public record Junit(List<String> packages, @Nullable String tags, @DefaultValue("class") Granularity granularity,
                        @DefaultValue("30s") Duration timeout) {
        public Junit {
            packages = packages == null ? List.of() : List.copyOf(packages);
        }
    }

    /** How bridged JUnit tests are grouped into scenarios. */
    public enum Granularity {
        /** One scenario per test class. */
        CLASS,
        /** One scenario per test method. */
        METHOD
    }
}
