package dev.selftest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.Selftest;
import dev.selftest.health.HealthCheckOptions;
import dev.selftest.health.HealthKind;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthCachingTests {
    private final CountDownLatch never = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    private Selftest selftest;
    private Http http;

    private void serve(Selftest.Builder builder) {
        selftest = builder.token(Http.TOKEN).build();
        http = new Http(selftest);
    }

    @AfterEach
    void stop() {
        never.countDown();
        http.close();
        selftest.close();
    }

    private final HealthCheck counting = () -> {
        calls.incrementAndGet();
        return HealthCheckResponse.up("counting");
    };

    private final HealthCheck hung = () -> {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return HealthCheckResponse.up("hung");
    };

    @Test
    void probesAnswerFromCachedStateWithoutCallingTheCheck() {
        serve(Selftest.builder().setting("selftest.health.ttl", "1h").healthCheck(HealthKind.READINESS, counting));
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/health/ready").statusCode() == 200);

        for (int i = 0; i < 50; i++) {
            assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
        }

        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void checksAreRefreshedInTheBackgroundEveryTtl() {
        serve(Selftest.builder().setting("selftest.health.ttl", "50ms").healthCheck(HealthKind.READINESS, counting));

        await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 5);
    }

    @Test
    void probeNeverWaitsForAHungCheck() {
        serve(Selftest.builder().setting("selftest.health.timeout", "10m")
                .healthCheck(HealthKind.LIVENESS, hung)
                .healthCheck(HealthKind.READINESS, hung));

        // the client gives up after 10 s, far below the check's 10 min timeout: an answer means nobody waited
        assertThat(http.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(http.get("/health").statusCode()).isEqualTo(503);
    }

    @Test
    void hungCheckTimesOutToDownWithAReasonWhileTheOthersStayUp() {
        serve(Selftest.builder().setting("selftest.health.ttl", "100ms")
                .healthCheck(HealthKind.READINESS, counting)
                .healthCheck(HealthKind.READINESS, hung,
                        HealthCheckOptions.defaults().withName("inventory").withTimeout(Duration.ofMillis(300))));

        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.getAuthorized("/health/ready").body().contains("did not answer within 300ms"));

        HttpResponse<String> response = http.getAuthorized("/health/ready");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = Http.json(response);
        HealthSchema.assertValid(body);
        for (JsonNode check : body.get("checks")) {
            String expected = check.get("name").asText().equals("inventory") ? "DOWN" : "UP";
            assertThat(check.get("status").asText()).as(check.toString()).isEqualTo(expected);
        }
        int before = calls.get();
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() > before + 2);
    }
}
