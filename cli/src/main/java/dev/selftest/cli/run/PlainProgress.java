package dev.selftest.cli.run;

import dev.selftest.cli.client.Target;
import java.io.PrintStream;

/** Progress as plain lines, one per event, each prefixed with the instance: for CI logs and pipes. */
final class PlainProgress implements Progress {
    private final PrintStream out;

    PlainProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void runStarted(Target target, String runId, int total) {
        line(target, "run " + runId + " started: " + total + " scenario" + (total == 1 ? "" : "s"));
    }

    @Override
    public void scenarioStarted(Target target, String scenarioId) {
        // one line per finished scenario is enough in a log
    }

    @Override
    public void scenarioFinished(Target target, ScenarioOutcome outcome) {
        line(target, ProgressText.outcome(outcome));
    }

    @Override
    public void notice(Target target, String message) {
        line(target, message);
    }

    @Override
    public void finished(InstanceResult result) {
        line(result.target(), "finished: " + ProgressText.verdict(result));
    }

    private void line(Target target, String text) {
        synchronized (out) {
            out.println("[" + target.label() + "] " + text);
            out.flush();
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}
