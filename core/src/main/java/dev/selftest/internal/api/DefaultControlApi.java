package dev.selftest.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.Environment;
import dev.selftest.Run;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.SafetyPolicy;
import dev.selftest.Scenario;
import dev.selftest.ScenarioStats;
import dev.selftest.Selftest;
import dev.selftest.SweepResult;
import dev.selftest.Trigger;
import dev.selftest.api.Access;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.api.ControlApi;
import dev.selftest.cleanup.CleanupReport;
import dev.selftest.cleanup.PendingCleanup;
import dev.selftest.internal.config.Durations;
import dev.selftest.internal.config.MonitoringSettings;
import dev.selftest.internal.config.Settings;
import dev.selftest.internal.report.JUnitXml;
import dev.selftest.internal.report.RunJson;
import dev.selftest.internal.run.RunEngine;
import dev.selftest.internal.ui.Dashboard;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API: routes each request to its endpoint after checking access, and turns every failure into a
 * problem response. Endpoints and JSON shapes are documented in {@code docs/http-api.md}.
 */
public final class DefaultControlApi implements ControlApi {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultControlApi.class);
    private static final String JSON = "application/json";
    private static final Pattern RUN_ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{6}");
    private static final int MAX_LISTED_RUNS = 1000;

    private final Selftest selftest;
    private final RunEngine engine;
    private final SafetyPolicy policy;
    private final Settings settings;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final RunJson runJson = new RunJson(json);
    private final TokenGuard guard;
    private final JsonBodies bodies;
    private final EventStreams events;
    private final MonitoringEndpoints monitoring;
    private final ProviderStateEndpoint providerStates;

    /**
     * @param runEvents what happens in runs, recorded since the engine started (it must already listen to it)
     */
    public DefaultControlApi(Selftest selftest, RunEngine engine, RunEvents runEvents, SafetyPolicy policy,
                             Settings settings, MonitoringSettings monitoringSettings) {
        this.selftest = selftest;
        this.engine = engine;
        this.policy = policy;
        this.settings = settings;
        this.guard = new TokenGuard(settings.token(), settings.readToken());
        this.bodies = new JsonBodies(json, settings.maxRequestBytes());
        this.events = new EventStreams(runEvents, json, runJson);
        this.monitoring = new MonitoringEndpoints(selftest, monitoringSettings, guard, json, this::stats);
        this.providerStates = new ProviderStateEndpoint(engine.providerStates(), bodies, json,
                selftest.environment().name(), settings);
    }

    @Override
    public String basePath() {
        return settings.basePath();
    }

    @Override
    public int maxRequestBytes() {
        return settings.maxRequestBytes();
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String instance = request.basePath() + request.path();
        try {
            return route(request);
        } catch (ProblemException problem) {
            return Problems.toResponse(problem, instance, json);
        } catch (RunRejectedException refused) {
            return Problems.toResponse(rejected(refused), instance, json);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("Control API failed on {} {}", request.method(), instance, e);
            return Problems.toResponse(new ProblemException(500, "internal-error", "Internal error",
                    "Selftest could not answer; the service log has the details"), instance, json);
        }
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        String[] segments = path.isEmpty() ? new String[0] : path.substring(1).split("/", -1);
        String method = request.method();
        if (segments.length == 0) {
            return endpoint(request, "GET", Access.READ, () -> index(request));
        }
        return switch (segments[0]) {
            case "scenarios" -> segments.length == 1
                    ? endpoint(request, "GET", Access.READ, () -> scenarios())
                    : notFound(request);
            case "runs" -> runs(request, segments, method);
            case "ui" -> endpoint(request, "GET", null, () -> dashboard(request, segments));
            case "health" -> endpoint(request, "GET", null,
                    () -> monitoring.health(request, segments).orElseGet(() -> notFound(request)));
            case "kpis" -> segments.length == 1 ? endpoint(request, "GET", Access.READ, monitoring::kpis)
                    : notFound(request);
            case "metrics" -> segments.length == 1 ? endpoint(request, "GET", Access.READ, monitoring::metrics)
                    : notFound(request);
            case "provider-states" -> segments.length == 1
                    ? endpoint(request, "POST", Access.OPERATE, () -> providerStates.handle(request))
                    : notFound(request);
            case "cleanup" -> segments.length == 1
                    ? endpoint(request, "POST", Access.OPERATE, () -> cleanup(request))
                    : notFound(request);
            case "gate" -> segments.length == 1
                    ? endpoint(request, "POST", Access.OPERATE, () -> gate(request))
                    : notFound(request);
            default -> notFound(request);
        };
    }

    private ApiResponse runs(ApiRequest request, String[] segments, String method) {
        if (segments.length == 1) {
            if (method.equals("POST")) {
                guard.check(request, Access.OPERATE);
                return startRun(request);
            }
            return endpoint(request, "GET, POST", Access.READ, () -> listRuns(request));
        }
        String runId = segments[1];
        if (!RUN_ID.matcher(runId).matches()) {
            throw Problems.notFound("no run '" + abbreviate(runId) + "'; run ids look like 20261123-142512-9f3c2a");
        }
        if (segments.length == 2) {
            if (method.equals("DELETE")) {
                guard.check(request, Access.OPERATE);
                return cancelRun(request, runId);
            }
            return endpoint(request, "GET, DELETE", Access.READ, () -> getRun(request, runId));
        }
        if (segments.length == 3 && segments[2].equals("junit.xml")) {
            return endpoint(request, "GET", Access.READ, () -> junitXml(runId));
        }
        if (segments.length == 3 && segments[2].equals("events")) {
            return endpoint(request, "GET", Access.READ, () -> events(request, runId));
        }
        return notFound(request);
    }

    /** The dashboard's page and assets, read from the jar when it is first asked for (they are the same for all). */
    private static final class LoadedDashboard {
        static final Dashboard INSTANCE = new Dashboard();
    }

    /** The dashboard page and its assets: public, they hold no data (the page reads the API with a token). */
    private ApiResponse dashboard(ApiRequest request, String[] segments) {
        String asset = segments.length == 1 ? "" : segments.length == 2 ? segments[1] : "/";
        return LoadedDashboard.INSTANCE.answer(request.basePath(), asset).orElseGet(() -> notFound(request));
    }

    /** Checks method and access (null: public), then answers. */
    private ApiResponse endpoint(ApiRequest request, String allowed, @Nullable Access access, Endpoint endpoint) {
        String method = request.method();
        boolean readOnly = !allowed.contains("POST") && !allowed.contains("DELETE");
        if (!(method.equals("GET") && allowed.contains("GET")) && !(method.equals("HEAD") && readOnly)
                && !(method.equals("POST") && allowed.equals("POST"))) {
            throw Problems.methodNotAllowed(method, allowed);
        }
        if (access != null) {
            guard.check(request, access);
        }
        return endpoint.answer();
    }

    @FunctionalInterface
    private interface Endpoint {
        ApiResponse answer();
    }

    private ApiResponse notFound(ApiRequest request) {
        throw Problems.notFound("no such endpoint: " + abbreviate(request.path())
                + "; GET " + request.basePath() + " lists the endpoints");
    }

    private ApiResponse index(ApiRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("name", "selftest");
        body.put("version", Version.current());
        body.put("environment", selftest.environment().name());
        body.put("scenarios", selftest.scenarios().size());
        ObjectNode links = body.putObject("links");
        String base = request.basePath();
        links.put("scenarios", base + "/scenarios");
        links.put("runs", base + "/runs");
        links.put("cleanup", base + "/cleanup");
        links.put("ui", base + "/ui");
        links.put("gate", base + "/gate");
        links.put("health", base + "/health");
        links.put("kpis", base + "/kpis");
        links.put("metrics", base + "/metrics");
        links.put("providerStates", base + "/provider-states");
        body.set("testData", missingTestData());
        return json(200, body);
    }

    /** Which declared test data keys have no value in this environment (never the values themselves). */
    private ObjectNode missingTestData() {
        ObjectNode testData = json.createObjectNode();
        Environment environment = selftest.environment();
        ArrayNode missing = testData.putArray("missing");
        for (Scenario scenario : selftest.scenarios()) {
            new TreeSet<>(scenario.data()).stream().filter(key -> !environment.has(key)).forEach(key -> {
                ObjectNode entry = missing.addObject();
                entry.put("scenario", scenario.id());
                entry.put("key", key);
                entry.put("configKey", environment.dataKey(key));
            });
        }
        testData.put("complete", missing.isEmpty());
        return testData;
    }

    private ApiResponse scenarios() {
        ArrayNode list = json.createArrayNode();
        for (Scenario scenario : engine.scenarios()) {
            ObjectNode node = list.addObject();
            node.put("id", scenario.id());
            node.put("description", scenario.description());
            ArrayNode tags = node.putArray("tags");
            new TreeSet<>(scenario.tags()).forEach(tags::add);
            node.put("safety", scenario.safety().name());
            node.put("timeout", Durations.format(scenario.timeout()));
            node.put("source", scenario.source());
            Optional<String> refusal = policy.refusal(scenario, selftest.environment());
            node.put("allowed", refusal.isEmpty());
            refusal.ifPresent(reason -> node.put("refusal", reason));
            ArrayNode data = node.putArray("data");
            new TreeSet<>(scenario.data()).forEach(key -> data.addObject().put("key", key)
                    .put("configured", selftest.environment().has(key)));
            node.set("stats", stats(engine.stats(scenario.id())));
        }
        ObjectNode body = json.createObjectNode();
        body.put("environment", selftest.environment().name());
        body.set("scenarios", list);
        return json(200, body);
    }

    private ObjectNode stats(ScenarioStats stats) {
        ObjectNode node = json.createObjectNode();
        node.put("executions", stats.executions());
        if (stats.passRate() == null) {
            node.putNull("passRate");
        } else {
            node.put("passRate", stats.passRate());
        }
        node.put("p50Ms", stats.p50().toMillis());
        node.put("p95Ms", stats.p95().toMillis());
        node.put("lastOutcome", stats.lastOutcome() == null ? null : stats.lastOutcome().name());
        node.put("lastSuccess", stats.lastSuccess() == null ? null : stats.lastSuccess().toString());
        node.put("consecutiveFailures", stats.consecutiveFailures());
        return node;
    }

    private ApiResponse startRun(ApiRequest request) {
        Duration wait = waitParameter(request);
        Run run = engine.start(RunRequests.from(bodies.readObject(request), Trigger.MANUAL));
        if (!wait.isZero()) {
            run = awaitRun(run.id(), wait).orElse(run);
        }
        String link = runLink(request, run.id());
        return json(201, runJson.full(run, link), Map.of("Location", link));
    }

    /** {@code POST /gate}: a run whose verdict fits a progressive-delivery controller's timeout. */
    private ApiResponse gate(ApiRequest request) {
        Duration timeout = GateRequests.timeout(request, settings.maxWait());
        boolean verdictInBody = GateRequests.verdictInBody(request);
        Run started = engine.start(GateRequests.from(bodies.readObject(request)));
        Run run = awaitRun(started.id(), timeout).orElse(started);
        return json(GateRequests.status(run, verdictInBody),
                GateRequests.verdict(runJson.summary(run, runLink(request, run.id())), run, timeout));
    }

    private ApiResponse events(ApiRequest request, String runId) {
        engine.find(runId).orElseThrow(() -> unknownRun(runId));
        return events.stream(runId, runLink(request, runId),
                () -> engine.find(runId).orElseThrow(() -> unknownRun(runId)), settings.maxWait());
    }

    private ApiResponse getRun(ApiRequest request, String runId) {
        Duration wait = waitParameter(request);
        Run run = (wait.isZero() ? engine.find(runId) : awaitRun(runId, wait))
                .orElseThrow(() -> unknownRun(runId));
        return json(200, runJson.full(run, runLink(request, runId)));
    }

    private ApiResponse listRuns(ApiRequest request) {
        int limit = request.queryParameter("limit").map(DefaultControlApi::limit).orElse(MAX_LISTED_RUNS);
        ArrayNode list = json.createArrayNode();
        engine.runs().stream().limit(limit).forEach(run -> list.add(runJson.summary(run, runLink(request, run.id()))));
        ObjectNode body = json.createObjectNode();
        body.set("runs", list);
        return json(200, body);
    }

    private ApiResponse cancelRun(ApiRequest request, String runId) {
        boolean cancelled = engine.cancel(runId).orElseThrow(() -> unknownRun(runId));
        if (!cancelled) {
            throw new ProblemException(409, "run-finished", "Run already finished",
                    "run " + runId + " already finished; nothing to cancel");
        }
        Run run = engine.find(runId).orElseThrow(() -> unknownRun(runId));
        return json(202, runJson.full(run, runLink(request, runId)));
    }

    private ApiResponse junitXml(String runId) {
        Run run = engine.find(runId).orElseThrow(() -> unknownRun(runId));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            JUnitXml.write(run, out);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return ApiResponse.of(200, "application/xml; charset=utf-8", out.toByteArray(), Map.of());
    }

    private ApiResponse cleanup(ApiRequest request) {
        bodies.readObject(request);
        CleanupReport report = selftest.cleanUp();
        ObjectNode body = json.createObjectNode();
        body.put("cleaned", report.clean());
        body.put("removed", report.removed());
        ArrayNode pending = body.putArray("pending");
        for (PendingCleanup entry : report.pending()) {
            ObjectNode node = pending.addObject();
            node.put("type", entry.entry().type());
            node.put("id", entry.entry().resourceId());
            node.put("run", entry.entry().runId());
            node.put("scenario", entry.entry().scenarioId());
            node.put("trackedAt", entry.entry().trackedAt().toString());
            node.put("attempts", entry.attempts());
            node.put("lastError", entry.lastError());
            node.put("nextAttempt", entry.nextAttempt().toString());
        }
        ArrayNode sweepers = body.putArray("sweepers");
        for (SweepResult result : report.sweepers()) {
            ObjectNode node = sweepers.addObject();
            node.put("name", result.sweeper());
            node.put("removed", result.removed());
            node.put("error", result.error());
        }
        return json(200, body);
    }

    private Optional<Run> awaitRun(String runId, Duration wait) {
        try {
            return engine.await(runId, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return engine.find(runId);
        }
    }

    private Duration waitParameter(ApiRequest request) {
        Optional<String> text = request.queryParameter("wait");
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        Duration wait;
        try {
            wait = Durations.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("wait: " + e.getMessage());
        }
        if (wait.isNegative() || wait.compareTo(settings.maxWait()) > 0) {
            throw Problems.badRequest("wait must be between 0s and " + Durations.format(settings.maxWait())
                    + " (selftest.api.max-wait)");
        }
        return wait;
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LISTED_RUNS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.badRequest("limit must be a whole number from 1 to " + MAX_LISTED_RUNS);
    }

    private static ProblemException rejected(RunRejectedException e) {
        return switch (e.reason()) {
            case INVALID_SELECTION -> Problems.badRequest(e.getMessage());
            case FORBIDDEN -> new ProblemException(403, "scenario-forbidden", "Scenario forbidden here",
                    e.getMessage(), Map.of("refused", e.refusedScenarios()), Map.of());
            case TOO_MANY_RUNS -> retryLater(429, "too-many-runs", "Too many runs", e);
            case SHUTTING_DOWN -> retryLater(503, "shutting-down", "Shutting down", e);
            case SCENARIOS_UNAVAILABLE -> retryLater(503, "scenarios-unavailable", "Scenarios unavailable", e);
        };
    }

    /** A refusal with a {@code Retry-After} header, unless trying again cannot help (no retry time). */
    private static ProblemException retryLater(int status, String slug, String title, RunRejectedException e) {
        return new ProblemException(status, slug, title, e.getMessage(), Map.of(), e.retryAfter().isZero() ? Map.of()
                : Map.of("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))));
    }

    private static ProblemException unknownRun(String runId) {
        return Problems.notFound("no run '" + runId + "'; it may be older than the kept history "
                + "(selftest.history.size)");
    }

    private static String runLink(ApiRequest request, String runId) {
        return request.basePath() + "/runs/" + runId;
    }

    private ApiResponse json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    private ApiResponse json(int status, JsonNode body, Map<String, String> headers) {
        try {
            return ApiResponse.of(status, JSON, json.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
