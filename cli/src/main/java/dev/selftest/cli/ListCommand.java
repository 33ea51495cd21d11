package dev.selftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Deadline;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code selftest list}: the scenarios an instance offers. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the scenarios of each instance: id, safety, tags, timeout, whether this environment "
                + "allows it, and how it did lately. Exits 0, or 2 when an instance could not be asked."})
final class ListCommand extends InstanceCommand {

    @Override
    int handle(ControlClient client, Deadline deadline, PrintStream out) {
        JsonNode body = client.getJson(client.target().resolve("/scenarios"), deadline);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "SAFETY", "TAGS", "TIMEOUT", "ALLOWED", "LAST", "PASS RATE"});
        for (JsonNode scenario : body.path("scenarios")) {
            List<String> tags = new ArrayList<>();
            scenario.path("tags").forEach(tag -> tags.add(tag.asText()));
            JsonNode stats = scenario.path("stats");
            String passRate = stats.path("passRate").isNumber()
                    ? String.format(Locale.ROOT, "%.0f%%", stats.path("passRate").asDouble() * 100) : "-";
            rows.add(new String[] {scenario.path("id").asText(), scenario.path("safety").asText(),
                String.join(",", tags), scenario.path("timeout").asText(),
                scenario.path("allowed").asBoolean() ? "yes" : "no: " + scenario.path("refusal").asText(),
                stats.path("lastOutcome").asText("-"), passRate});
        }
        out.println("environment: " + body.path("environment").asText() + ", "
                + (rows.size() - 1) + " scenario(s)");
        Table.print(rows, out);
        return SelftestCli.PASSED;
    }
}
