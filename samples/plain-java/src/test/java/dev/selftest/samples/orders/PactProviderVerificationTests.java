package dev.selftest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationResult;
import dev.selftest.ConfigSource;
import dev.selftest.Sweeper;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pact JVM's provider verifier checks the service against a consumer's pact, using Selftest's
 * {@code POST /selftest/provider-states} as the state-change URL with teardown on; afterwards no state data is left.
 */
class PactProviderVerificationTests {
    private static final String TOKEN = "pact-verifier-token";
    @TempDir
    Path dataDir;
    private OrdersService service;

    @BeforeEach
    void start() {
        service = OrdersService.start(0, dataDir, ConfigSource.of(Map.of("selftest.token", TOKEN,
                "selftest.environment", "ci")));
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void theServiceHonoursTheConsumersPactAndProviderStatesLeaveNothingBehind() throws Exception {
        ProviderInfo provider = new ProviderInfo("orders-plain");
        provider.setHost("127.0.0.1");
        provider.setPort(service.port());
        provider.setStateChangeUrl(URI.create(service.baseUri() + "/selftest/provider-states").toURL());
        provider.setStateChangeUsesBody(true);
        provider.setStateChangeTeardown(true);
        provider.setStateChangeRequestFilter("request.addHeader('Authorization', 'Bearer " + TOKEN + "')");
        ConsumerInfo consumer = new ConsumerInfo("orders-web");
        consumer.setPactSource(new FileSource(new File(getClass().getResource("/pacts/orders-web-orders-plain.json")
                .toURI())));
        provider.getConsumers().add(consumer);

        List<VerificationResult> results = new ProviderVerifier().verifyProvider(provider);

        assertThat(results).isNotEmpty().allSatisfy(result ->
                assertThat(result).as(result.toString()).isInstanceOf(VerificationResult.Ok.class));
        assertThat(service.database().ordersOfCustomersStartingWith(Sweeper.TEST_DATA_PREFIX))
                .as("provider-state data removed by teardown").isEmpty();
        assertThat(service.database().orders()).isEmpty();
    }
}
