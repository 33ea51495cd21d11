package dev.selftest.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** What {@code selftest run} leaves behind: the summary table, JUnit XML files and the JSON report. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RunReports {
    private static final String[] COUNTS = {"passed", "failed", "errored", "timedOut", "skipped", "cancelled"};

    private RunReports() {
    }

    /** The table, every failing scenario and every error, and a last line that says what the exit code means. */
    public static void summary(List<InstanceResult> results, PrintStream out) {
        int width = Math.max("INSTANCE".length(),
                results.stream().mapToInt(r -> r.target().label().length()).max().orElse(0));
        String row = "%-" + width + "s  %-9s %5s %6s %6s %7s %9s %7s %9s %6s  %s%n";
        out.println();
        out.printf(Locale.ROOT, row, "INSTANCE", "VERDICT", "TOTAL", "PASSED", "FAILED", "ERRORED", "TIMED OUT",
                "SKIPPED", "CANCELLED", "TIME", "RUN");
        List<String> failures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (InstanceResult result : results) {
            String label = result.target().label();
            JsonNode run = result.run();
            List<Object> cells = new ArrayList<>(List.of(label, result.verdict().name()));
            if (run == null) {
                cells.addAll(List.of("-", "-", "-", "-", "-", "-", "-", "-"));
            } else {
                cells.add(run.path("counts").path("total").asText());
                for (String count : COUNTS) {
                    cells.add(run.path("counts").path(count).asText());
                }
                cells.add(String.format(Locale.ROOT, "%.1fs", run.path("durationMs").asLong() / 1000.0));
                for (JsonNode scenario : run.path("scenarios")) {
                    ScenarioOutcome outcome = ScenarioOutcome.fromResult(scenario);
                    if (outcome.isFailure()) {
                        failures.add(label + "  " + ProgressText.outcome(outcome));
                    }
                }
            }
            cells.add(result.runId() == null ? "-" : result.runId());
            out.printf(Locale.ROOT, row, cells.toArray());
            if (result.error() != null) {
                errors.add(label + "  " + result.error());
            }
        }
        section(out, "Failures", failures);
        section(out, "Errors", errors);
        out.println();
        out.println(conclusion(results));
        out.flush();
    }

    private static void section(PrintStream out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println();
            out.println(title + ":");
            lines.forEach(line -> out.println("  " + line));
        }
    }

    private static String conclusion(List<InstanceResult> results) {
        List<Verdict> verdicts = results.stream().map(InstanceResult::verdict).toList();
        long failed = verdicts.stream().filter(v -> v == Verdict.FAILED).count();
        long timedOut = verdicts.stream().filter(v -> v == Verdict.TIMED_OUT).count();
        long unknown = verdicts.stream().filter(v -> v == Verdict.ERROR).count();
        String of = " of " + results.size() + " instance(s)";
        return switch (Verdict.exitCode(verdicts)) {
            case 0 -> "PASSED on " + (results.size() == 1 ? "the instance" : "all " + results.size() + " instances")
                    + ".";
            case 1 -> "FAILED on " + (failed + timedOut) + of + (timedOut == 0 ? "" : " (" + timedOut
                    + " timed out)") + (unknown == 0 ? "" : "; " + unknown + " could not be asked, see Errors")
                    + " (exit code 1).";
            default -> "UNKNOWN: no verdict from " + unknown + of + "; see Errors (exit code 2).";
        };
    }

    /** One JUnit XML file per instance in {@code directory}. */
    public static List<Path> writeJUnit(List<InstanceResult> results, Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        for (InstanceResult result : results) {
            files.add(JUnitReports.write(result, directory));
        }
        return files;
    }

    /** {@code {passed, exitCode, instances: [{url, label, verdict, runId, error, run}]}}. */
    public static void writeJson(List<InstanceResult> results, Path file, ObjectMapper json) throws IOException {
        int exitCode = Verdict.exitCode(results.stream().map(InstanceResult::verdict).toList());
        ObjectNode report = json.createObjectNode();
        report.put("passed", exitCode == 0);
        report.put("exitCode", exitCode);
        ArrayNode instances = report.putArray("instances");
        for (InstanceResult result : results) {
            ObjectNode instance = instances.addObject();
            instance.put("url", result.target().base().toString());
            instance.put("label", result.target().label());
            instance.put("verdict", result.verdict().name());
            instance.put("runId", result.runId());
            instance.put("error", result.error());
            instance.set("run", result.run());
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
    }
}
