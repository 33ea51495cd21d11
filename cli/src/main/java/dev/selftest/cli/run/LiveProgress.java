package dev.selftest.cli.run;

import dev.selftest.cli.client.Target;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Progress for a terminal: one line per instance, redrawn in place with ANSI escapes as events arrive; failures and
 * notices are printed above the live lines and stay on screen.
 */
final class LiveProgress implements Progress {
    private static final String CLEAR_LINE = "\r\u001b[2K";

    private final PrintStream out;
    private final Map<Target, State> states = new LinkedHashMap<>();
    private final int width;
    private int drawn;

    private static final class State {
        String status = "connecting";
        int total;
        int finished;
        int failed;
        String current = "";
        boolean done;
    }

    LiveProgress(PrintStream out, List<Target> targets) {
        this.out = out;
        targets.forEach(target -> states.put(target, new State()));
        this.width = targets.stream().mapToInt(target -> target.label().length()).max().orElse(10);
        synchronized (this) {
            render();
        }
    }

    @Override
    public synchronized void runStarted(Target target, String runId, int total) {
        State state = states.get(target);
        state.status = "running";
        state.total = total;
        render();
    }

    @Override
    public synchronized void scenarioStarted(Target target, String scenarioId) {
        states.get(target).current = scenarioId;
        render();
    }

    @Override
    public synchronized void scenarioFinished(Target target, ScenarioOutcome outcome) {
        State state = states.get(target);
        state.finished++;
        if (outcome.isFailure()) {
            state.failed++;
            above(target, ProgressText.outcome(outcome));
        }
        if (outcome.id().equals(state.current)) {
            state.current = "";
        }
        render();
    }

    @Override
    public synchronized void notice(Target target, String message) {
        above(target, message);
        render();
    }

    @Override
    public synchronized void finished(InstanceResult result) {
        State state = states.get(result.target());
        state.status = ProgressText.verdict(result);
        state.current = "";
        state.done = true;
        render();
    }

    @Override
    public synchronized void close() {
        out.flush();
        drawn = 0;
    }

    /** Prints a lasting line where the live block starts; the block is redrawn below it. */
    private void above(Target target, String text) {
        moveToBlockStart();
        out.print(CLEAR_LINE + String.format(Locale.ROOT, "%-" + width + "s  %s", target.label(),
                ProgressText.oneLine(text)) + "\n");
        drawn = 0;
    }

    private void render() {
        moveToBlockStart();
        for (Map.Entry<Target, State> entry : states.entrySet()) {
            State state = entry.getValue();
            String counts = state.total == 0 || state.done ? "" : String.format(Locale.ROOT, "  %d/%d done%s", state.finished,
                    state.total, state.failed == 0 ? "" : ", " + state.failed + " failed");
            String current = state.current.isEmpty() ? "" : "  now: " + state.current;
            out.print(CLEAR_LINE + String.format(Locale.ROOT, "%-" + width + "s  %s%s%s", entry.getKey().label(),
                    state.status, counts, current) + "\n");
        }
        drawn = states.size();
        out.flush();
    }

    private void moveToBlockStart() {
        if (drawn > 0) {
            out.print("\u001b[" + drawn + "A");
        }
    }
}
