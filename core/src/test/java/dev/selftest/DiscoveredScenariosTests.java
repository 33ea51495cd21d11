package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.kpi.SelftestMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scenarios found by a discovery that runs when they are first needed, as the JUnit checks of an application are. */
class DiscoveredScenariosTests {
    private static final String TOKEN = "discovery-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger discoveries = new AtomicInteger();
    private final AtomicInteger discoveredRuns = new AtomicInteger();
    private Selftest selftest;

    @AfterEach
    void close() {
        if (selftest != null) {
            selftest.close();
        }
    }

    private Scenario discovered(String id, String... tags) {
        return Scenarios.readOnly(id, context -> discoveredRuns.incrementAndGet(), tags);
    }

    /** A discovery that counts its calls and finds {@code found}. */
    private Supplier<Collection<Scenario>> discovery(Supplier<Collection<Scenario>> found) {
        return () -> {
            discoveries.incrementAndGet();
            return found.get();
        };
    }

    private Selftest build(Selftest.Builder builder, Supplier<Collection<Scenario>> found) {
        selftest = builder.scenario(Scenarios.of("orders.list", Safety.READ_ONLY, "smoke"))
                .discoverScenarios(discovery(found)).build();
        return selftest;
    }

    @Test
    void theFirstRunDiscoversTheScenariosOnceAndRunsThem() throws Exception {
        build(Scenarios.selftest(), () -> List.of(discovered("checks.catalogue"), discovered("checks.orders")));
        assertThat(discoveries).as("nothing is discovered while the service starts").hasValue(0);
        assertThat(selftest.scenarios()).extracting(Scenario::id).containsExactly("orders.list");

        Run run = selftest.run(RunRequest.builder().scenarios("checks.catalogue").build(), Duration.ofSeconds(10));
        selftest.run(RunRequest.builder().build(), Duration.ofSeconds(10));

        assertThat(run.status()).isEqualTo(RunStatus.PASSED);
        assertThat(run.scenarioIds()).containsExactly("checks.catalogue");
        assertThat(discoveredRuns).hasValue(3);
        assertThat(discoveries).hasValue(1);
        assertThat(selftest.scenarios()).extracting(Scenario::id)
                .containsExactly("orders.list", "checks.catalogue", "checks.orders");
    }

    @Test
    void callersThatNeedTheScenariosWhileAnotherDiscoversThemWaitForIt() throws Exception {
        CountDownLatch discovering = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        build(Scenarios.selftest(), () -> {
            discovering.countDown();
            awaitLatch(finish);
            return List.of(discovered("checks.catalogue"));
        });
        CompletableFuture<Run> first = runAsync("checks.catalogue");
        assertThat(discovering.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Run> second = runAsync("checks.catalogue");
        Thread.sleep(200);
        assertThat(second).as("waits for the discovery under way").isNotDone();

        finish.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).passed()).isTrue();
        assertThat(second.get(10, TimeUnit.SECONDS).passed()).isTrue();
        assertThat(discoveries).hasValue(1);
    }

    private CompletableFuture<Run> runAsync(String scenarioId) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return selftest.run(RunRequest.builder().scenarios(scenarioId).build(), Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFailedDiscoveryRefusesRunsAndTheListWithItsReasonOverHttpAndIsNotRetried() throws Exception {
        build(Scenarios.selftest().token(TOKEN), () -> {
            throw new IllegalStateException("selftest.junit.packages [x] hold no JUnit test class");
        });
        try (Served served = Served.start(selftest, TOKEN)) {
            HttpResponse<String> list = served.client().get("/scenarios");
            assertThat(list.statusCode()).isEqualTo(503);
            assertThat(list.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(list.headers().firstValue("Retry-After")).as("trying again cannot help").isEmpty();
            JsonNode problem = JSON.readTree(list.body());
            assertThat(problem.get("type").asText()).endsWith("scenarios-unavailable");
            assertThat(problem.get("detail").asText()).contains("selftest.junit.packages [x] hold no JUnit test class");

            HttpResponse<String> run = served.client().post("/runs", "{\"scenarios\": [\"orders.list\"]}");
            assertThat(run.statusCode()).isEqualTo(503);
            assertThat(run.body()).contains("hold no JUnit test class");

            assertThat(served.client().get("").statusCode()).as("the index still answers").isEqualTo(200);
            assertThat(discoveries).hasValue(1);
        }
    }

    @Test
    void aDiscoveredScenarioWithATakenIdRefusesRunsNamingBothSources() {
        build(Scenarios.selftest(), () -> List.of(discovered("orders.list")));

        assertThatThrownBy(() -> selftest.start(RunRequest.builder().build()))
                .isInstanceOfSatisfying(RunRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.SCENARIOS_UNAVAILABLE);
                    assertThat(e.retryAfter()).isZero();
                })
                .hasMessageContaining("duplicate scenario id 'orders.list'");
    }

    @Test
    void discoveredScenariosGetTheirKpiSeriesBeforeTheyEverRun() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> outcomesRegisteredWhenItStarted = new ArrayList<>();
        build(Scenarios.selftest().meterRegistry(registry), () -> List.of(discovered("checks.catalogue")));
        selftest.addListener(new RunListener() {
            @Override
            public void scenarioStarted(Run run, Scenario scenario) {
                registry.find(SelftestMeters.SCENARIO_RUNS).tag(SelftestMeters.SCENARIO, scenario.id()).counters()
                        .forEach(counter -> outcomesRegisteredWhenItStarted.add(counter.getId().getTag(SelftestMeters.OUTCOME)));
            }
        });
        assertThat(registry.find(SelftestMeters.SCENARIO_RUNS).tag(SelftestMeters.SCENARIO, "checks.catalogue")
                .counters()).isEmpty();

        selftest.run(RunRequest.builder().scenarios("checks.catalogue").build(), Duration.ofSeconds(10));

        assertThat(outcomesRegisteredWhenItStarted).contains("passed", "failed");
        assertThat(selftest.kpis().scenarios()).extracting(ScenarioStats::scenarioId)
                .containsExactly("orders.list", "checks.catalogue");
    }

    @Test
    void scheduledRunsDiscoverTheScenariosAndIncludeTheMatchingOnes() {
        build(Scenarios.selftest().schedule(Duration.ofMillis(50))
                .setting("selftest.schedule.jitter", "0s")
                .setting("selftest.schedule.initial-delay", "0s"),
                () -> List.of(discovered("checks.smoke", "smoke"), discovered("checks.deep", "deep")));

        await().atMost(Duration.ofSeconds(10)).until(() -> discoveredRuns.get() >= 2);
        assertThat(selftest.runs()).filteredOn(run -> run.trigger() == Trigger.SCHEDULE)
                .allSatisfy(run -> assertThat(run.scenarioIds()).containsExactly("orders.list", "checks.smoke"));
        assertThat(discoveries).hasValue(1);
    }
}
