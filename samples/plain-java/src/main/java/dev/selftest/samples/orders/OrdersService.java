package dev.selftest.samples.orders;

import com.sun.net.httpserver.HttpServer;
import dev.selftest.ConfigSource;
import dev.selftest.Selftest;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.health.HealthKind;
import dev.selftest.junit.JUnitScenarios;
import dev.selftest.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * The running service: the orders API and Selftest's control API on one JDK HTTP server, over one database.
 */
public final class OrdersService implements AutoCloseable {
    /**
     * The sample's own defaults, below whatever the config sets: run the smoke scenarios every minute, and let
     * readiness fail when a critical scenario failed three times in a row.
     */
    static final ConfigSource DEFAULTS = ConfigSource.of(Map.of(
            "selftest.schedule.enabled", "true",
            "selftest.schedule.interval", "1m",
            "selftest.health.readiness.scenario-tags", "critical",
            "selftest.health.readiness.scenario-failures", "3"));

    private final OrdersDatabase database;
    private final Selftest selftest;
    private final HttpServer server;
    private final ExecutorService executor;

    private OrdersService(OrdersDatabase database, Selftest selftest, HttpServer server, ExecutorService executor) {
        this.database = database;
        this.selftest = selftest;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts the service.
     *
     * @param port    0 for a free port
     * @param dataDir where the H2 database lives
     * @param config  Selftest settings ({@code selftest.token}, {@code selftest.environment}, ...), ahead of
     *                {@link #DEFAULTS}
     */
    public static OrdersService start(int port, Path dataDir, ConfigSource config) {
        OrdersDatabase database = new OrdersDatabase(dataDir);
        HttpServer server = EmbeddedServer.create(new InetSocketAddress(port));
        URI[] self = new URI[1];
        OrdersScenarios scenarios = new OrdersScenarios(database, () -> self[0]);
        Selftest selftest = Selftest.builder()
                .config(config.or(DEFAULTS))
                .scenarios(scenarios.all())
                .discoverScenarios(JUnitScenarios.builder()
                        .packages("dev.selftest.samples.orders.checks")
                        .targetUrl(() -> self[0])::discover)
                .cleanupHandler(OrdersScenarios.ORDER, scenarios.orderCleanup())
                .cleanupHandler(OrdersScenarios.CUSTOMER_ORDERS, scenarios.customerOrdersCleanup())
                .cleanupJournal(CleanupJournal.file(dataDir))
                .sweeper(scenarios.sweeper())
                .providerState("an order exists", scenarios.anOrderExists())
                .providerState("the catalogue has products", scenarios.catalogueHasProducts())
                .healthCheck(HealthKind.READINESS, database::health)
                .kpi("orders.placed")
                .deferBackgroundWork()
                .build();
        ExecutorService executor = EmbeddedServer.boundedExecutor(16);
        server.setExecutor(executor);
        server.createContext("/", new OrdersHttp(database, selftest.meterRegistry()));
        EmbeddedServer.mount(server, selftest.controlApi());
        server.start();
        self[0] = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        selftest.startBackgroundWork();
        return new OrdersService(database, selftest, server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Selftest selftest() {
        return selftest;
    }

    public OrdersDatabase database() {
        return database;
    }

    /** Cancels running self-tests (their cleanup runs), then stops the server and closes the database. */
    @Override
    public void close() {
        selftest.close();
        server.stop(0);
        executor.shutdownNow();
        database.close();
    }
}
