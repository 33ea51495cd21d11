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

/**
 * The runtime's own security (Quarkus' embedded users over HTTP Basic, seen by the resource through Jakarta REST's
 * {@code SecurityContext}) decides access by role; anonymous requests still fall back to the bearer token.
 */
@QuarkusTest
@TestProfile(RuntimeSecurityProfileTests.BasicUsers.class)
class RuntimeSecurityProfileTests {

    /** alice operates, bob reads, carol has no Selftest role; production forbids the destructive scenario. */
    public static final class BasicUsers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.http.auth.basic", "true"),
                    Map.entry("quarkus.security.users.embedded.enabled", "true"),
                    Map.entry("quarkus.security.users.embedded.plain-text", "true"),
                    Map.entry("quarkus.security.users.embedded.users.alice", "alice-pw"),
                    Map.entry("quarkus.security.users.embedded.roles.alice", "ops"),
                    Map.entry("quarkus.security.users.embedded.users.bob", "bob-pw"),
                    Map.entry("quarkus.security.users.embedded.roles.bob", "selftest-read"),
                    Map.entry("quarkus.security.users.embedded.users.carol", "carol-pw"),
                    Map.entry("quarkus.security.users.embedded.roles.carol", "sales"),
                    Map.entry("selftest.security.operate-role", "ops"),
                    Map.entry("selftest.environment", "production"));
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Test
    void operateRoleMayStartRuns() {
        HttpResponse<String> response = Http.anonymous(root).basic("alice", "alice-pw")
                .postJson("/selftest/runs?wait=20s", "{\"scenarios\":[\"greeting.passes\"]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void readRoleMayReadButNotStartRuns() {
        Http bob = Http.anonymous(root).basic("bob", "bob-pw");

        assertThat(bob.get("/selftest/scenarios").statusCode()).isEqualTo(200);
        HttpResponse<String> start = bob.postJson("/selftest/runs", "{\"scenarios\":[\"greeting.passes\"]}");
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(start.body()).contains("urn:selftest:problem:forbidden", "bob", "OPERATE");
    }

    @Test
    void userWithoutASelftestRoleIsForbidden() {
        HttpResponse<String> response = Http.anonymous(root).basic("carol", "carol-pw").get("/selftest/scenarios");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:selftest:problem:forbidden", "carol");
    }

    @Test
    void anonymousCallerStillUsesTheBearerToken() {
        assertThat(Http.anonymous(root).bearer("test-token").get("/selftest/scenarios").statusCode()).isEqualTo(200);
        assertThat(Http.anonymous(root).get("/selftest/scenarios").statusCode()).isEqualTo(401);
    }

    @Test
    void destructiveScenarioIsRefusedInProductionAndNeverRuns() {
        HttpResponse<String> response = Http.anonymous(root).basic("alice", "alice-pw")
                .postJson("/selftest/runs", "{\"scenarios\":[\"greeting.reset\"]}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("urn:selftest:problem:scenario-forbidden", "greeting.reset");
    }
}
