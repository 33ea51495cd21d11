package dev.selftest.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The words progress and summary share. */
final class ProgressText {
    private static final int MAX_MESSAGE = 200;

    private ProgressText() {
    }

    /** {@code FAILED    orders.place (40 ms): order total was 0}. */
    static String outcome(ScenarioOutcome outcome) {
        String line = String.format(Locale.ROOT, "%-9s %s (%d ms)", outcome.outcome(), outcome.id(),
                outcome.durationMs());
        return outcome.message() == null || outcome.outcome().equals("PASSED") ? line
                : line + ": " + oneLine(outcome.message());
    }

    /** {@code PASSED (3 passed)} or {@code ERROR: cannot connect ...}. */
    static String verdict(InstanceResult result) {
        if (result.verdict() == Verdict.ERROR) {
            return "ERROR: " + result.error();
        }
        JsonNode counts = result.run() == null ? null : result.run().path("counts");
        return result.verdict().name() + (counts == null ? "" : " (" + counts(counts) + ")");
    }

    /** {@code 2 passed, 1 failed}: the non-zero counts only. */
    static String counts(JsonNode counts) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {"passed", "failed", "errored", "timedOut", "skipped", "cancelled",
            "pending"}) {
            long count = counts.path(field).asLong();
            if (count > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
                        .append(field.equals("timedOut") ? "timed out" : field);
            }
        }
        return text.length() == 0 ? "nothing ran" : text.toString();
    }

    static String oneLine(String text) {
        String line = text.strip().replace('\n', ' ').replace('\r', ' ');
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
