package dev.selftest.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With neither a token nor the runtime's security, the control API fails closed while health stays public. */
@QuarkusTest
@TestProfile(NoTokenProfileTests.NoToken.class)
class NoTokenProfileTests {

    /** Blank values count as unset in MicroProfile Config. */
    public static final class NoToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("selftest.token", "");
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void controlApiIsOffAndSaysHowToTurnItOn() {
        HttpResponse<String> response = Http.anonymous(root).bearer("anything").get("/selftest/scenarios");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:selftest:problem:control-api-off", "SELFTEST_TOKEN");
    }

    @Test
    void runtimeHealthStaysPublic() {
        assertThat(Http.anonymous(root).get("/q/health/ready").statusCode()).isEqualTo(200);
    }
}
