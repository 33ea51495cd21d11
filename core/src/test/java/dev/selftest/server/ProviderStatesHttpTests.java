package dev.selftest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.selftest.ConfigSource;
import dev.selftest.Selftest;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pact provider-state changes through {@code POST /selftest/provider-states} over real HTTP. */
class ProviderStatesHttpTests {
    private static final String TOKEN = "pact-token";
    /** Stands in for the application's orders table. */
    private final Set<String> orders = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextId = new AtomicInteger(100);
    private Selftest selftest;
    private EmbeddedServer server;

    private HttpTestClient start(Map<String, String> settings) {
        selftest = Selftest.builder().config(ConfigSource.of(settings)).token(TOKEN)
                .setting("selftest.read-token", "reader")
                .providerState("an order exists", (params, context) -> {
                    String id = Integer.toString(nextId.incrementAndGet());
                    orders.add(id + ":" + params.getOrDefault("customer", context.testDataName("customer")));
                    context.cleanup("delete order " + id, () -> orders.removeIf(o -> o.startsWith(id + ":")));
                    return Map.of("orderId", Integer.parseInt(id));
                })
                .providerState("a broken state", (params, context) -> {
                    orders.add("half-made");
                    context.cleanup("remove half-made", () -> orders.remove("half-made"));
                    throw new IllegalStateException("catalogue service unreachable");
                })
                .build();
        server = EmbeddedServer.start(selftest, new InetSocketAddress("127.0.0.1", 0));
        return new HttpTestClient(server.baseUri(), TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
        selftest.close();
    }

    @Test
    void setupReturnsInjectedValuesAndTeardownRemovesWhatItCreated() {
        HttpTestClient client = start(Map.of());
        HttpTestClient.Reply setup = client.post("/provider-states",
                "{\"state\":\"an order exists\",\"params\":{\"customer\":\"c1\"},\"action\":\"setup\"}");
        assertThat(setup.status()).isEqualTo(200);
        assertThat(setup.json().path("orderId").asInt()).isEqualTo(101);
        assertThat(orders).containsExactly("101:c1");

        HttpTestClient.Reply teardown = client.post("/provider-states",
                "{\"state\":\"an order exists\",\"params\":{\"customer\":\"c1\"},\"action\":\"teardown\"}");
        assertThat(teardown.status()).isEqualTo(200);
        assertThat(orders).isEmpty();
    }

    @Test
    void aBodyWithoutActionMeansSetupAndARepeatedSetupReplacesThePreviousOne() {
        HttpTestClient client = start(Map.of());
        client.post("/provider-states", "{\"state\":\"an order exists\"}");
        client.post("/provider-states", "{\"state\":\"an order exists\"}");
        assertThat(orders).hasSize(1);
    }

    @Test
    void unknownStatesAreRefusedNamingTheKnownOnes() {
        HttpTestClient.Reply reply = start(Map.of()).post("/provider-states", "{\"state\":\"a unicorn exists\"}");
        assertThat(reply.status()).isEqualTo(400);
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo("urn:selftest:problem:unknown-provider-state");
        assertThat(problem.path("detail").asText()).contains("known states: a broken state, an order exists");
        assertThat(problem.path("knownStates")).hasSize(2);
    }

    @Test
    void aFailingSetupAnswers422AndRemovesWhatItHadCreated() {
        HttpTestClient.Reply reply = start(Map.of()).post("/provider-states", "{\"state\":\"a broken state\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("detail").asText())
                .contains("catalogue service unreachable", "what it had created was removed");
        assertThat(orders).isEmpty();
    }

    @Test
    void badBodiesGetProblems() {
        HttpTestClient client = start(Map.of());
        assertThat(client.post("/provider-states", "").status()).isEqualTo(400);
        assertThat(client.post("/provider-states", "{\"params\":{}}").status()).isEqualTo(400);
        assertThat(client.post("/provider-states", "{\"state\":\"an order exists\",\"action\":\"explode\"}")
                .json().path("detail").asText()).contains("'action' must be");
        assertThat(client.post("/provider-states", "{\"state\":\"an order exists\",\"params\":[1]}").status())
                .isEqualTo(400);
        assertThat(client.send("GET", "/provider-states", null, "").status()).isEqualTo(405);
        assertThat(orders).isEmpty();
    }

    @Test
    void itIsAnOperateEndpoint() {
        HttpTestClient client = start(Map.of());
        assertThat(client.withToken(null).post("/provider-states", "{\"state\":\"an order exists\"}").status())
                .isEqualTo(401);
        assertThat(client.withToken("reader").post("/provider-states", "{\"state\":\"an order exists\"}").status())
                .isEqualTo(403);
        assertThat(orders).isEmpty();
    }

    @Test
    void productionRefusesProviderStatesUnlessAllowed() {
        HttpTestClient.Reply refused = start(Map.of("selftest.environment", "production"))
                .post("/provider-states", "{\"state\":\"an order exists\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("selftest.provider-states.allow-in-production");
        stop();

        HttpTestClient allowed = start(Map.of("selftest.environment", "production",
                "selftest.provider-states.allow-in-production", "true"));
        assertThat(allowed.post("/provider-states", "{\"state\":\"an order exists\"}").status()).isEqualTo(200);
    }
}
