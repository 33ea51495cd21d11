package dev.selftest.kpi;

import org.apiguardian.api.API;

/**
 * The names and tags of the meters Selftest records in its {@link io.micrometer.core.instrument.MeterRegistry}.
 * Names follow Micrometer's dotted convention; the Prometheus names are given alongside.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SelftestMeters {

    /** Timer of scenario executions, tagged {@link #SCENARIO}, with p50 and p95 ({@code selftest_scenario_duration_seconds}). */
    public static final String SCENARIO_DURATION = "selftest.scenario.duration";

    /** Counter of scenario executions, tagged {@link #SCENARIO} and {@link #OUTCOME} ({@code selftest_scenario_runs_total}). */
    public static final String SCENARIO_RUNS = "selftest.scenario.runs";

    /** Gauge: when the scenario last passed, in seconds since the epoch; NaN until it has ({@code selftest_scenario_last_success_seconds}). */
    public static final String SCENARIO_LAST_SUCCESS = "selftest.scenario.last.success";

    /** Gauge: failures of the scenario since it last passed ({@code selftest_scenario_consecutive_failures}). */
    public static final String SCENARIO_CONSECUTIVE_FAILURES = "selftest.scenario.consecutive.failures";

    /** Counter of finished runs, tagged {@link #TRIGGER} and {@link #STATUS} ({@code selftest_runs_total}). */
    public static final String RUNS = "selftest.runs";

    /** Gauge: 1 when the checks of a kind are UP, 0 when DOWN, tagged {@link #KIND} ({@code selftest_health_status}). */
    public static final String HEALTH_STATUS = "selftest.health.status";

    /** Tag: the scenario id. */
    public static final String SCENARIO = "scenario";
    /** Tag: the outcome in lower case ({@code passed}, {@code failed}, {@code errored}, {@code timed_out}, ...). */
    public static final String OUTCOME = "outcome";
    /** Tag: why the run started ({@code ci}, {@code deploy}, {@code schedule}, {@code manual}). */
    public static final String TRIGGER = "trigger";
    /** Tag: how the run ended in lower case ({@code passed}, {@code failed}, {@code cancelled}). */
    public static final String STATUS = "status";
    /** Tag: the health kind ({@code liveness}, {@code readiness}, {@code startup}). */
    public static final String KIND = "kind";

    private SelftestMeters() {
    }
}
