package dev.selftest.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The contract on Quarkus (booted by {@code @QuarkusTest} on a free port, configured by
 * {@code application.properties}), and what Quarkus adds: its Micrometer registry.
 */
@QuarkusTest
class QuarkusTests extends ControlApiContractTests {

    @TestHTTPResource("/")
    URI root;

    @Override
    protected URI root() {
        return root;
    }

    @Override
    protected String healthPath() {
        return "/q/health";
    }

    @Test
    void kpisOfScenariosLandInTheRuntimesMeterRegistry() {
        Http http = Http.anonymous(root).bearer("test-token");
        assertThat(http.postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.passes\"]}").statusCode())
                .isEqualTo(201);

        HttpResponse<String> metrics = Http.anonymous(root).get("/q/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(TestScenarios.KPI.replace('.', '_'), "selftest_runs_total");
    }
}
