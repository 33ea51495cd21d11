package dev.selftest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class SmokeTests {
    @Test
    void runsOverHttp() throws Exception {
        Selftest selftest = Selftest.builder().token("secret").environment("dev")
                .scenario(Scenario.builder("a").safety(Safety.READ_ONLY).tags("smoke").body(c -> { }).build())
                .build();
        try (EmbeddedServer server = EmbeddedServer.start(selftest, new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/runs?wait=5s"))
                    .header("Authorization", "Bearer secret").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"tags\":\"smoke\"}")).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.headers().map() + " " + response.body());
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).contains("\"PASSED\"");
        }
        selftest.close();
    }
}
