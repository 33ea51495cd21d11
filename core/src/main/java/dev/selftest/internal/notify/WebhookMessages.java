package dev.selftest.internal.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.Run;
import dev.selftest.ScenarioResult;
import java.util.List;
import java.util.Map;

/**
 * The JSON messages the notifier posts: a Slack-compatible {@code text} for people, and fields for machines.
 */
final class WebhookMessages {
    static final String DEPLOY_RUN_FAILED = "deploy-run-failed";
    static final String SCENARIO_FAILING = "scenario-failing";
    static final String SCENARIO_RECOVERED = "scenario-recovered";

    private final ObjectMapper json;
    private final String linkBase;

    WebhookMessages(ObjectMapper json, String linkBase) {
        this.json = json;
        this.linkBase = linkBase;
    }

    ObjectNode deployRunFailed(Run run) {
        List<ScenarioResult> failed = run.results().stream().filter(r -> r.outcome().isFailure()).toList();
        StringBuilder text = new StringBuilder()
                .append("Selftest [").append(run.environment()).append("]: deployment check FAILED, ")
                .append(failed.size()).append(" of ").append(run.scenarioIds().size()).append(" scenarios failed");
        String commit = run.labels().get("commit");
        if (commit != null) {
            text.append(" (commit ").append(commit).append(')');
        }
        failed.stream().limit(5).forEach(result -> text.append("\n• ").append(describe(result)));
        if (failed.size() > 5) {
            text.append("\n• … and ").append(failed.size() - 5).append(" more");
        }
        text.append("\nRun: ").append(link(run));
        ObjectNode message = base(DEPLOY_RUN_FAILED, run, text.toString());
        ArrayNode scenarios = message.putArray("scenarios");
        failed.forEach(result -> scenarios.add(scenario(result)));
        return message;
    }

    ObjectNode scenarioFailing(Run run, ScenarioResult result) {
        String text = "Selftest [" + run.environment() + "]: scenario " + result.scenarioId() + " is FAILING: "
                + describe(result) + "\nRun: " + link(run);
        ObjectNode message = base(SCENARIO_FAILING, run, text);
        message.set("scenario", scenario(result));
        return message;
    }

    ObjectNode scenarioRecovered(Run run, ScenarioResult result) {
        String text = "Selftest [" + run.environment() + "]: scenario " + result.scenarioId()
                + " passes again\nRun: " + link(run);
        ObjectNode message = base(SCENARIO_RECOVERED, run, text);
        message.set("scenario", scenario(result));
        return message;
    }

    private ObjectNode base(String event, Run run, String text) {
        ObjectNode message = json.createObjectNode();
        message.put("text", text);
        message.put("event", event);
        message.put("environment", run.environment());
        message.put("runId", run.id());
        message.put("trigger", run.trigger().wireName());
        message.put("status", run.status().name());
        message.put("link", link(run));
        ObjectNode labels = message.putObject("labels");
        run.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(label -> labels.put(label.getKey(), label.getValue()));
        return message;
    }

    private ObjectNode scenario(ScenarioResult result) {
        ObjectNode node = json.createObjectNode();
        node.put("id", result.scenarioId());
        node.put("outcome", result.outcome().name());
        node.put("message", result.failure() == null ? null : result.failure().message());
        return node;
    }

    private static String describe(ScenarioResult result) {
        String message = result.failure() == null ? "" : ": " + abbreviate(result.failure().message());
        return result.scenarioId() + " " + result.outcome().name() + message;
    }

    private String link(Run run) {
        return linkBase + "/runs/" + run.id();
    }

    private static String abbreviate(String text) {
        String line = text.strip().replace('\n', ' ');
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}
