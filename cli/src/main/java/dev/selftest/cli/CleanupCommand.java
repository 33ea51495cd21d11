package dev.selftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Deadline;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code selftest cleanup}: replay pending durable cleanup and run the sweepers. */
@Command(name = "cleanup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Asks each instance to replay pending durable cleanup and run its sweepers "
                + "(POST /cleanup), and shows what each sweeper removed.",
            "Exits 0 when everything was cleaned, 1 when a sweeper failed, 2 when an instance could not be asked."})
final class CleanupCommand extends InstanceCommand {

    @Override
    int handle(ControlClient client, Deadline deadline, PrintStream out) {
        JsonNode body = client.postJson(client.target().resolve("/cleanup"), cli.json.createObjectNode(), deadline);
        for (JsonNode sweeper : body.path("sweepers")) {
            String error = sweeper.path("error").asText("");
            out.println("  " + sweeper.path("name").asText() + ": "
                    + (error.isEmpty() ? "removed " + sweeper.path("removed").asLong() : "FAILED: " + error));
        }
        for (JsonNode entry : body.path("pending")) {
            out.println("  still pending: " + entry.path("type").asText() + " " + entry.path("id").asText()
                    + " (scenario " + entry.path("scenario").asText() + ", " + entry.path("attempts").asInt()
                    + " attempt(s)): " + entry.path("lastError").asText("not tried yet"));
        }
        boolean cleaned = body.path("cleaned").asBoolean();
        out.println(client.target().label() + "  " + (cleaned ? "cleaned" : "NOT cleaned")
                + (body.has("removed") ? ", " + body.path("removed").asLong() + " removed in all" : ""));
        return cleaned ? SelftestCli.PASSED : SelftestCli.FAILED;
    }
}
