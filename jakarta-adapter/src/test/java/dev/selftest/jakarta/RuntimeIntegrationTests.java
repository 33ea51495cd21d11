package dev.selftest.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Selftest inside the runtime's own endpoints: its health and its metrics. */
@QuarkusTest
class RuntimeIntegrationTests {

    @TestHTTPResource("/")
    URI root;

    @Test
    void kpisOfScenariosLandInTheRuntimesMeterRegistry() {
        Http http = Http.anonymous(root).bearer("test-token");
        assertThat(http.postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.passes\"]}").statusCode())
                .isEqualTo(201);

        HttpResponse<String> metrics = Http.anonymous(root).get("/q/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(TestScenarios.KPI.replace('.', '_'));
    }

    @Test
    void runtimeLivenessDoesNotDependOnScenarios() {
        Http http = Http.anonymous(root).bearer("test-token");
        http.postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.fails\"]}");

        HttpResponse<String> live = Http.anonymous(root).get("/q/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).doesNotContain("selftest");
    }
}
