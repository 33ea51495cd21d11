package dev.selftest.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.ScenarioStats;
import dev.selftest.Selftest;
import dev.selftest.api.Access;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.health.HealthCheckResult;
import dev.selftest.health.HealthKind;
import dev.selftest.health.HealthReport;
import dev.selftest.internal.config.MonitoringSettings;
import dev.selftest.internal.kpi.PrometheusText;
import dev.selftest.kpi.FunctionalKpi;
import dev.selftest.kpi.KpiSnapshot;
import dev.selftest.kpi.PassRate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The monitoring endpoints of the control API: health in the MicroProfile Health JSON format ({@code /health},
 * {@code /health/live}, {@code /health/ready}, {@code /health/started}), the KPI snapshot ({@code /kpis}) and the
 * Prometheus text format ({@code /metrics}). Health status is public; check data only for READ callers unless
 * {@code selftest.health.show-details} says otherwise.
 */
final class MonitoringEndpoints {
    private final Selftest selftest;
    private final MonitoringSettings.Details details;
    private final TokenGuard guard;
    private final ObjectMapper json;
    private final Function<ScenarioStats, ObjectNode> stats;

    /**
     * @param stats writes a scenario's statistics as {@code GET /scenarios} does
     */
    MonitoringEndpoints(Selftest selftest, MonitoringSettings settings, TokenGuard guard, ObjectMapper json,
                        Function<ScenarioStats, ObjectNode> stats) {
        this.selftest = selftest;
        this.details = settings.details();
        this.guard = guard;
        this.json = json;
        this.stats = stats;
    }

    /** {@code /health} and {@code /health/{live,ready,started}}; empty for an unknown sub-path. */
    Optional<ApiResponse> health(ApiRequest request, String[] segments) {
        HealthReport report;
        if (segments.length == 1) {
            report = selftest.health().report();
        } else if (segments.length == 2) {
            Optional<HealthKind> kind = kind(segments[1]);
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            report = selftest.health().report(kind.get());
        } else {
            return Optional.empty();
        }
        if (!showsDetails(request)) {
            report = report.withoutData();
        }
        ObjectNode body = json.createObjectNode();
        body.put("status", report.status().name());
        ArrayNode checks = body.putArray("checks");
        for (HealthCheckResult check : report.checks()) {
            ObjectNode node = checks.addObject();
            node.put("name", check.name());
            node.put("status", check.status().name());
            if (!check.data().isEmpty()) {
                node.set("data", json.valueToTree(check.data()));
            }
        }
        String maxAge = "max-age=" + selftest.health().maxAge().toSeconds();
        return Optional.of(write(report.httpStatus(), body, Map.of("Cache-Control", maxAge)));
    }

    private boolean showsDetails(ApiRequest request) {
        return switch (details) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTHORIZED -> guard.allows(request, Access.READ);
        };
    }

    private static Optional<HealthKind> kind(String path) {
        for (HealthKind kind : HealthKind.values()) {
            if (kind.path().equals(path)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** {@code /kpis}. */
    ApiResponse kpis() {
        KpiSnapshot snapshot = selftest.kpis();
        ObjectNode body = json.createObjectNode();
        body.put("at", snapshot.at().toString());
        body.put("environment", selftest.environment().name());
        ObjectNode runs = body.putObject("runs");
        runs.set("lastHour", passRate(snapshot.lastHour()));
        runs.set("lastDay", passRate(snapshot.lastDay()));
        runs.set("lastRuns", passRate(snapshot.lastRuns()));
        ArrayNode scenarios = body.putArray("scenarios");
        snapshot.scenarios().forEach(stats -> scenarios.addObject().put("id", stats.scenarioId())
                .setAll(this.stats.apply(stats)));
        body.set("health", json.valueToTree(snapshot.health()));
        ArrayNode functional = body.putArray("functional");
        for (FunctionalKpi kpi : snapshot.functional()) {
            ObjectNode node = functional.addObject();
            node.put("name", kpi.name());
            node.put("type", kpi.type());
            node.set("tags", json.valueToTree(kpi.tags()));
            node.put("description", kpi.description());
            node.put("baseUnit", kpi.baseUnit());
            ObjectNode values = node.putObject("values");
            kpi.values().forEach((statistic, value) -> {
                if (value.isNaN() || value.isInfinite()) {
                    values.putNull(statistic);
                } else {
                    values.put(statistic, value);
                }
            });
        }
        return write(200, body, Map.of());
    }

    private ApiResponse write(int status, JsonNode body, Map<String, String> headers) {
        try {
            return ApiResponse.of(status, "application/json", json.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private ObjectNode passRate(PassRate rate) {
        ObjectNode node = json.createObjectNode();
        node.put("runs", rate.runs());
        node.put("passed", rate.passed());
        node.put("passRate", rate.rate());
        return node;
    }

    /** {@code /metrics}: Prometheus text, or 404 when no Prometheus registry is in use. */
    ApiResponse metrics() {
        Supplier<String> scraper = PrometheusText.scraper(selftest.meterRegistry()).orElseThrow(() ->
                Problems.notFound("no Prometheus registry: add io.micrometer:micrometer-registry-prometheus to the "
                        + "classpath (Selftest then records into a PrometheusMeterRegistry), or pass one, alone or "
                        + "in a CompositeMeterRegistry, to Selftest.builder().meterRegistry(..)"));
        return ApiResponse.text(200, PrometheusText.CONTENT_TYPE, scraper.get());
    }
}
