package dev.selftest.cli.run;

import dev.selftest.cli.client.Target;
import java.io.PrintStream;
import java.util.List;
import org.apiguardian.api.API;

/** Shows what happens on each instance as it happens. Called from one thread per instance. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface Progress extends AutoCloseable {

    /** Plain lines, one per event: for CI logs and pipes. */
    static Progress plain(PrintStream out) {
        return new PlainProgress(out);
    }

    /** A live line per instance, redrawn in place: for terminals. */
    static Progress live(PrintStream out, List<Target> targets) {
        return new LiveProgress(out, targets);
    }

    void runStarted(Target target, String runId, int total);

    void scenarioStarted(Target target, String scenarioId);

    void scenarioFinished(Target target, ScenarioOutcome outcome);

    /** Something worth knowing that changes nothing: a retry, a fallback to polling. */
    void notice(Target target, String message);

    void finished(InstanceResult result);

    /** Ends the display (a live display leaves its last state on screen). */
    @Override
    void close();
}
