package dev.selftest.junit.internal;

import dev.selftest.CleanupAction;
import dev.selftest.ConfigSource;
import dev.selftest.Environment;
import dev.selftest.ScenarioContext;
import dev.selftest.StepResult;
import dev.selftest.Trigger;
import dev.selftest.junit.SelftestContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;

/**
 * The context of a test run by a Selftest run inside the service: the run's own context, plus the target URL.
 *
 * @param config where the target URL is read from (the bridge sets it on its launcher requests)
 */
record LiveContext(ScenarioContext run, ConfigSource config) implements SelftestContext {

    @Override
    public URI targetUrl() {
        return TargetUrl.from(config);
    }

    @Override
    public String runId() {
        return run.runId();
    }

    @Override
    public String scenarioId() {
        return run.scenarioId();
    }

    @Override
    public Trigger trigger() {
        return run.trigger();
    }

    @Override
    public Environment environment() {
        return run.environment();
    }

    @Override
    public void recordStep(StepResult step) {
        run.recordStep(step);
    }

    @Override
    public void cleanup(String description, CleanupAction action) {
        run.cleanup(description, action);
    }

    @Override
    public void track(String type, String id) {
        run.track(type, id);
    }

    @Override
    public String testDataName(String label) {
        return run.testDataName(label);
    }

    @Override
    public MeterRegistry kpis() {
        return run.kpis();
    }

    @Override
    public boolean isCancelled() {
        return run.isCancelled();
    }
}
