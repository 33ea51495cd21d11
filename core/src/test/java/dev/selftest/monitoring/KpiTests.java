package dev.selftest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.Trigger;
import dev.selftest.kpi.Kpi;
import dev.selftest.kpi.KpiSnapshot;
import dev.selftest.kpi.SelftestMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KpiTests {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicBoolean paymentsWork = new AtomicBoolean(true);
    private final AtomicInteger basketValue = new AtomicInteger(42);
    private Selftest selftest;
    private Http http;

    @BeforeEach
    void start() {
        Gauge.builder("orders.basket.value", basketValue, AtomicInteger::get).register(registry);
        Gauge.builder("orders.unmarked", basketValue, AtomicInteger::get).register(registry);
        selftest = Selftest.builder()
                .token(Http.TOKEN)
                .meterRegistry(registry)
                .kpi("orders.basket.value")
                .setting("selftest.kpi.window", "2")
                .scenario(Scenario.builder("orders.place").safety(Safety.SELF_CLEANING).body(context ->
                        Counter.builder("orders.placed").tags(Kpi.TAGS).tag("channel", "web")
                                .register(context.kpis()).increment()).build())
                .scenario(Scenario.builder("payments.pay").safety(Safety.READ_ONLY).body(context -> {
                    if (!paymentsWork.get()) {
                        throw new AssertionError("declined");
                    }
                }).build())
                .build();
        http = new Http(selftest);
    }

    @AfterEach
    void stop() {
        http.close();
        selftest.close();
    }

    /** Three runs: two pass (one manual, one scheduled), the last fails. */
    private void knownRuns() throws InterruptedException {
        run(RunRequest.builder().scenarios("orders.place", "payments.pay").build());
        run(RunRequest.builder().scenarios("orders.place").trigger(Trigger.SCHEDULE).build());
        paymentsWork.set(false);
        run(RunRequest.builder().scenarios("payments.pay").build());
    }

    private void run(RunRequest request) throws InterruptedException {
        assertThat(selftest.run(request, Duration.ofSeconds(30)).finishedAt()).isNotNull();
    }

    @Test
    void kpiEndpointReportsPassRatesScenarioStatsAndFunctionalMeters() throws Exception {
        knownRuns();

        HttpResponse<String> response = http.getAuthorized("/kpis");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        for (String window : new String[] {"lastHour", "lastDay"}) {
            JsonNode rate = body.get("runs").get(window);
            assertThat(rate.get("runs").asInt()).as(window).isEqualTo(3);
            assertThat(rate.get("passed").asInt()).as(window).isEqualTo(2);
            assertThat(rate.get("passRate").asDouble()).as(window).isCloseTo(2 / 3.0, within(1e-9));
        }
        JsonNode lastRuns = body.get("runs").get("lastRuns");
        assertThat(lastRuns.get("runs").asInt()).as("selftest.kpi.window=2").isEqualTo(2);
        assertThat(lastRuns.get("passed").asInt()).isEqualTo(1);

        JsonNode orders = scenario(body, "orders.place");
        assertThat(orders.get("executions").asInt()).isEqualTo(2);
        assertThat(orders.get("passRate").asDouble()).isEqualTo(1.0);
        assertThat(orders.get("consecutiveFailures").asInt()).isZero();
        assertThat(Instant.parse(orders.get("lastSuccess").asText())).isBefore(Instant.now().plusSeconds(1));
        JsonNode payments = scenario(body, "payments.pay");
        assertThat(payments.get("passRate").asDouble()).isEqualTo(0.5);
        assertThat(payments.get("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(payments.get("lastOutcome").asText()).isEqualTo("FAILED");

        assertThat(body.get("health").get("readiness").asText()).isEqualTo("UP");

        JsonNode functional = body.get("functional");
        assertThat(functional).extracting(kpi -> kpi.get("name").asText())
                .containsExactly("orders.basket.value", "orders.placed");
        JsonNode placed = functional.get(1);
        assertThat(placed.get("type").asText()).isEqualTo("counter");
        assertThat(placed.get("tags").get("channel").asText()).isEqualTo("web");
        assertThat(placed.get("tags").has(Kpi.TAG_KEY)).isFalse();
        assertThat(placed.get("values").get("count").asDouble()).isEqualTo(2.0);
        assertThat(functional.get(0).get("values").get("value").asDouble()).isEqualTo(42.0);
    }

    @Test
    void snapshotIsAvailableInJavaToo() throws Exception {
        knownRuns();

        KpiSnapshot snapshot = selftest.kpis();

        assertThat(snapshot.lastHour().runs()).isEqualTo(3);
        assertThat(snapshot.lastHour().passed()).isEqualTo(2);
        assertThat(snapshot.scenarios()).extracting(stats -> stats.scenarioId())
                .containsExactly("orders.place", "payments.pay");
    }

    @Test
    void meterValuesFollowTheRuns() throws Exception {
        knownRuns();

        assertThat(registry.get(SelftestMeters.SCENARIO_RUNS).tags(SelftestMeters.SCENARIO, "orders.place",
                SelftestMeters.OUTCOME, "passed").counter().count()).isEqualTo(2.0);
        assertThat(registry.get(SelftestMeters.SCENARIO_RUNS).tags(SelftestMeters.SCENARIO, "payments.pay",
                SelftestMeters.OUTCOME, "failed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(SelftestMeters.SCENARIO_DURATION).tags(SelftestMeters.SCENARIO, "payments.pay")
                .timer().count()).isEqualTo(2);
        assertThat(registry.get(SelftestMeters.RUNS).tags(SelftestMeters.TRIGGER, "manual",
                SelftestMeters.STATUS, "passed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(SelftestMeters.RUNS).tags(SelftestMeters.TRIGGER, "schedule",
                SelftestMeters.STATUS, "passed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(SelftestMeters.RUNS).tags(SelftestMeters.TRIGGER, "manual",
                SelftestMeters.STATUS, "failed").counter().count()).isEqualTo(1.0);
        assertThat(registry.get(SelftestMeters.SCENARIO_CONSECUTIVE_FAILURES)
                .tags(SelftestMeters.SCENARIO, "payments.pay").gauge().value()).isEqualTo(1.0);
        double lastSuccess = registry.get(SelftestMeters.SCENARIO_LAST_SUCCESS)
                .tags(SelftestMeters.SCENARIO, "orders.place").gauge().value();
        assertThat(lastSuccess).isCloseTo(Instant.now().getEpochSecond(), within(60.0));
        assertThat(registry.get(SelftestMeters.HEALTH_STATUS).tags(SelftestMeters.KIND, "liveness").gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void scenarioThatNeverPassedHasNoLastSuccess() throws Exception {
        paymentsWork.set(false);
        run(RunRequest.builder().scenarios("payments.pay").build());

        assertThat(registry.get(SelftestMeters.SCENARIO_LAST_SUCCESS).tags(SelftestMeters.SCENARIO, "payments.pay")
                .gauge().value()).isNaN();
        assertThat(scenario(Http.json(http.getAuthorized("/kpis")), "payments.pay").get("lastSuccess").isNull())
                .isTrue();
    }

    @Test
    void closingRemovesTheGaugesFromTheApplicationsRegistry() {
        assertThat(selftest.meterRegistry().find(SelftestMeters.HEALTH_STATUS).gauges()).hasSize(3);

        selftest.close();

        assertThat(registry.find(SelftestMeters.HEALTH_STATUS).gauges()).isEmpty();
        assertThat(registry.find(SelftestMeters.SCENARIO_CONSECUTIVE_FAILURES).gauges()).isEmpty();
        assertThat(registry.find("orders.basket.value").gauge()).as("the application's own meters stay").isNotNull();
    }

    @Test
    void buildDoesNotWaitForSelftestsSeriesAndAResultRecordedBeforeThemStillCounts() throws Exception {
        CountDownLatch registration = new CountDownLatch(1);
        MeterRegistry slow = registryHoldingSelftestMetersUntil(registration);
        Selftest started = withOneScenario(slow);
        try {
            assertThat(slow.find(SelftestMeters.HEALTH_STATUS).gauges()).as("registered while build waits").isEmpty();
            Run run = started.start(RunRequest.builder().build());

            registration.countDown();

            assertThat(started.await(run.id(), Duration.ofSeconds(10))).hasValueSatisfying(finished ->
                    assertThat(finished.passed()).isTrue());
            MeterRegistry meters = started.meterRegistry();
            assertThat(meters.find(SelftestMeters.HEALTH_STATUS).gauges()).hasSize(3);
            assertThat(meters.get(SelftestMeters.SCENARIO_RUNS).tags(SelftestMeters.SCENARIO, "orders.place",
                    SelftestMeters.OUTCOME, "passed").counter().count()).isEqualTo(1.0);
            assertThat(meters.find(SelftestMeters.RUNS).counters()).hasSize(4 * 3);
        } finally {
            started.close();
        }
    }

    @Test
    void closingWhileTheSeriesAreStillBeingRegisteredLeavesNoneBehind() {
        CountDownLatch registration = new CountDownLatch(1);
        MeterRegistry slow = registryHoldingSelftestMetersUntil(registration);
        Selftest closed = withOneScenario(slow);

        closed.close();
        registration.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("selftest-meters")));
        assertThat(slow.getMeters()).extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("selftest."));
    }

    /** Built within seconds even though the registry holds Selftest's meters back. */
    private static Selftest withOneScenario(MeterRegistry registry) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Selftest.builder().meterRegistry(registry)
                .scenario(Scenario.builder("orders.place").safety(Safety.READ_ONLY).body(context -> { }).build())
                .build());
    }

    /** A registry whose registrations of {@code selftest.*} meters wait for {@code release}. */
    private static MeterRegistry registryHoldingSelftestMetersUntil(CountDownLatch release) {
        MeterRegistry held = new SimpleMeterRegistry();
        held.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().startsWith("selftest.")) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return id;
            }
        });
        return held;
    }

    @Test
    void kpisNeedReadAccess() {
        HttpResponse<String> anonymous = http.get("/kpis");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(http.getWithToken("/kpis", "wrong").statusCode()).isEqualTo(401);
        assertThat(http.send("POST", "/kpis").statusCode()).isEqualTo(405);
    }

    private static JsonNode scenario(JsonNode body, String id) {
        for (JsonNode scenario : body.get("scenarios")) {
            if (scenario.get("id").asText().equals(id)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + id + " in " + body);
    }
}
