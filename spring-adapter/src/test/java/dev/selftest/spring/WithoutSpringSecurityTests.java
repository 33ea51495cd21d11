package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * A Spring Boot application without Spring Security and without a token, over real HTTP: the API is off, never
 * open by accident.
 */
@SpringBootTest(classes = ContractApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class WithoutSpringSecurityTests {
    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @Test
    void springSecurityIsReallyAbsent() {
        assertThatThrownBy(() -> Class.forName("org.springframework.security.core.context.SecurityContextHolder"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(context.getBeanNamesForType(SelftestCallerResolver.class)).isEmpty();
    }

    @Test
    void withoutATokenEveryEndpointButHealthIsOff() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/selftest/runs")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:selftest:problem:control-api-off").contains("SELFTEST_TOKEN");
    }
}
