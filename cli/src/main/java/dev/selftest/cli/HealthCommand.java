package dev.selftest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.cli.client.CliException;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Deadline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selftest health}: MicroProfile Health status of each instance. */
@Command(name = "health", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows each instance's health (MicroProfile Health JSON from /health, /health/live, "
                + "/health/ready or /health/started). Health is public; with a token the checks show details.",
            "Exits 0 when every instance is UP, 1 when any is DOWN, 2 when one could not be asked."})
final class HealthCommand extends InstanceCommand {

    @Option(names = "--probe", paramLabel = "PROBE", defaultValue = "all", description = {
        "all, live, ready or started (default: ${DEFAULT-VALUE})."})
    private String probe = "all";

    @Override
    int handle(ControlClient client, Deadline deadline, PrintStream out) {
        String path = switch (probe) {
            case "all" -> "/health";
            case "live", "ready", "started" -> "/health/" + probe;
            default -> throw new IllegalArgumentException("--probe must be all, live, ready or started; was '"
                    + probe + "'");
        };
        HttpResponse<InputStream> response = client.getOnce(client.target().resolve(path), deadline);
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            try (InputStream body = response.body()) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the status says enough
            }
            throw new CliException("GET " + response.uri().getPath() + " answered HTTP " + response.statusCode()
                    + "; a health endpoint answers 200 (UP) or 503 (DOWN). Is --url the control API's base, and "
                    + "does this service's Selftest version serve health?");
        }
        JsonNode health = client.readJson(response);
        String status = health.path("status").asText("");
        if (!status.equals("UP") && !status.equals("DOWN")) {
            throw new CliException(response.uri() + " did not answer with MicroProfile Health JSON {status, checks}");
        }
        out.println(client.target().label() + "  " + status);
        List<String[]> rows = new ArrayList<>();
        for (JsonNode check : health.path("checks")) {
            rows.add(new String[] {"  " + check.path("name").asText(), check.path("status").asText(),
                check.has("data") ? check.get("data").toString() : ""});
        }
        if (!rows.isEmpty()) {
            Table.print(rows, out);
        }
        return status.equals("UP") ? SelftestCli.PASSED : SelftestCli.FAILED;
    }
}
