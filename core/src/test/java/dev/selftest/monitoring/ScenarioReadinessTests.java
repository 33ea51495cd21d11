package dev.selftest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.health.HealthKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScenarioReadinessTests {
    private final AtomicBoolean checkoutWorks = new AtomicBoolean(true);
    private Selftest selftest;
    private Http http;

    @BeforeEach
    void start() {
        selftest = Selftest.builder()
                .token(Http.TOKEN)
                .setting("selftest.health.ttl", "50ms")
                .readinessFromScenarios("critical", 2)
                .healthCheck(HealthKind.LIVENESS, () -> HealthCheckResponse.up("heap"))
                .scenario(Scenario.builder("checkout.pays").tags("critical").safety(Safety.READ_ONLY)
                        .body(context -> {
                            if (!checkoutWorks.get()) {
                                throw new AssertionError("payment declined");
                            }
                        }).build())
                .scenario(Scenario.builder("catalogue.search").tags("smoke").safety(Safety.READ_ONLY)
                        .body(context -> {
                            throw new AssertionError("not critical");
                        }).build())
                .build();
        http = new Http(selftest);
    }

    @AfterEach
    void stop() {
        http.close();
        selftest.close();
    }

    private void run(String scenarioId) throws InterruptedException {
        selftest.run(RunRequest.builder().scenarios(scenarioId).build(), Duration.ofSeconds(30));
    }

    @Test
    void readinessGoesDownAfterConsecutiveFailuresOfCriticalScenariosAndNamesThem() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").statusCode() == 200);
        checkoutWorks.set(false);

        run("checkout.pays");
        Thread.sleep(300); // several refreshes: one failure is below the threshold of 2
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);

        run("checkout.pays");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").statusCode() == 503);

        JsonNode check = Http.json(http.getAuthorized("/health/ready")).get("checks").get(0);
        assertThat(check.get("name").asText()).isEqualTo("selftest-scenarios");
        assertThat(check.get("data").get("failing").asText()).isEqualTo("checkout.pays");
        assertThat(check.get("data").get("checkout.pays").asInt()).isEqualTo(2);
        HealthSchema.assertValid(Http.json(http.getAuthorized("/health/ready")));

        assertThat(http.get("/health/live").statusCode()).as("liveness never follows scenarios").isEqualTo(200);

        checkoutWorks.set(true);
        run("checkout.pays");
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").statusCode() == 200);
    }

    @Test
    void failuresOfScenariosOutsideTheTagDoNotTouchReadiness() throws Exception {
        for (int i = 0; i < 3; i++) {
            run("catalogue.search");
        }
        assertThat(selftest.stats("catalogue.search").consecutiveFailures()).isEqualTo(3);

        Thread.sleep(300); // several refreshes
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
    }
}
