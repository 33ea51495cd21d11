package dev.selftest.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With {@code selftest.enabled=false} the service still starts, serves orders and is ready; Selftest is gone. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"selftest.enabled=false",
        "spring.datasource.url=jdbc:h2:mem:orders-disabled;DB_CLOSE_DELAY=-1"})
class SelftestDisabledTests {
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void theServiceRunsWithoutSelftest() throws Exception {
        assertThat(get("/products").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/selftest/scenarios").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
