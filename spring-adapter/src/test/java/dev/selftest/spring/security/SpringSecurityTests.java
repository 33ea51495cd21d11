package dev.selftest.spring.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.contract.ContractFixture;
import dev.selftest.spring.SelftestBuilderCustomizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A Spring Boot application with Spring Security and no Selftest token, over real HTTP: its users read and operate
 * by role, anonymous callers find the API closed, and the rest of the application keeps Boot's default security.
 */
@SpringBootTest(classes = SpringSecurityTests.SecuredApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Tag("spring-security")
class SpringSecurityTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void anonymousCallerFindsTheApiClosedWithoutAToken() throws Exception {
        HttpResponse<String> response = send(request("/selftest/scenarios").GET());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("type").asText()).isEqualTo("urn:selftest:problem:control-api-off");
    }

    @Test
    void authenticatedUserMayRead() throws Exception {
        HttpResponse<String> response = send(request("/selftest/scenarios").header("Authorization", basic("reader"))
                .GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("scenarios")).hasSize(ContractFixture.scenarios().size());
    }

    @Test
    void userWithoutTheOperateRoleMayNotStartRuns() throws Exception {
        HttpResponse<String> response = send(startRun("reader"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("urn:selftest:problem:forbidden");
        assertThat(problem.path("detail").asText()).contains("reader").contains("OPERATE");
    }

    @Test
    void operatorMayStartRuns() throws Exception {
        HttpResponse<String> response = send(startRun("operator"));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).path("status").asText()).isEqualTo("PASSED");
    }

    @Test
    void wrongPasswordIsUnauthorized() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("operator:guess".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(request("/selftest/scenarios").header("Authorization", wrong).GET());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void restOfTheApplicationKeepsBootsDefaultSecurity() throws Exception {
        HttpResponse<String> response = send(request("/orders").GET());
        assertThat(response.statusCode()).isIn(401, 302);
    }

    private HttpRequest.Builder startRun(String user) {
        return request("/selftest/runs?wait=30s").header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"scenarios\":[\"" + ContractFixture.PASSES + "\"]}"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SecuredApplication {
        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("reader").password("{noop}reader-pw").roles("USER").build(),
                    User.withUsername("operator").password("{noop}operator-pw").roles("SELFTEST_OPERATOR").build());
        }

        @Bean
        SelftestBuilderCustomizer contractScenarios() {
            return builder -> builder.scenarios(ContractFixture.scenarios());
        }
    }
}
