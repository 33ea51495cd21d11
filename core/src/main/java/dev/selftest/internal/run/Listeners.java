package dev.selftest.internal.run;

import dev.selftest.Run;
import dev.selftest.RunListener;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans run events out to every listener; one that throws is logged and skipped. */
final class Listeners implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    void add(RunListener listener) {
        listeners.add(listener);
    }

    void remove(RunListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void runStarted(Run run) {
        each(listener -> listener.runStarted(run));
    }

    @Override
    public void scenarioStarted(Run run, Scenario scenario) {
        each(listener -> listener.scenarioStarted(run, scenario));
    }

    @Override
    public void scenarioFinished(Run run, Scenario scenario, ScenarioResult result) {
        each(listener -> listener.scenarioFinished(run, scenario, result));
    }

    @Override
    public void runFinished(Run run) {
        each(listener -> listener.runFinished(run));
    }

    private void each(Consumer<RunListener> event) {
        for (RunListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Run listener {} failed; skipped", listener.getClass().getName(), e);
            }
        }
    }
}
