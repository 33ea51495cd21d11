package dev.selftest.samples.orders;

import dev.selftest.ConfigSource;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the orders service. Environment: {@code PORT} (8080), {@code DATA_DIR} (./data),
 * {@code SELFTEST_TOKEN} (turns the control API on), {@code SELFTEST_ENVIRONMENT} (dev).
 */
public final class OrdersApp {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersApp.class);

    private OrdersApp() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Path dataDir = Path.of(System.getenv().getOrDefault("DATA_DIR", "data"));
        OrdersService service = OrdersService.start(port, dataDir, ConfigSource.systemAndEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "orders-shutdown"));
        String base = "http://localhost:" + service.port();
        LOG.info("Orders service listening on {} (environment '{}', data in {})", base,
                service.selftest().environment().name(), dataDir.toAbsolutePath());
        LOG.info("Self-test control API: {}/selftest  (try: curl -H \"Authorization: Bearer $SELFTEST_TOKEN\" "
                + "{}/selftest/scenarios)", base, base);
    }
}
