package dev.selftest.dashboard;

import dev.selftest.ConfigSource;
import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.Trigger;
import dev.selftest.health.HealthKind;
import dev.selftest.server.EmbeddedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A small shop's self-test served by a real {@link EmbeddedServer} on a free loopback port, in the {@code production}
 * environment (so its DESTRUCTIVE scenario is refused), with a database readiness check and an orders-placed KPI.
 * One scenario waits for {@link #releaseGate()}, to show a run in progress; one fails every third execution and
 * requires test data the shop never configures; the hostile one carries markup in every text it can.
 */
final class ShopService implements AutoCloseable {
    static final String TOKEN = "dashboard-test-token";
    static final String READ_TOKEN = "dashboard-read-token";
    static final String CATALOGUE = "catalogue.lists-products";
    static final String ORDERS = "orders.place-and-cancel";
    static final String SEARCH = "search.suggests-products";
    static final String RESET = "data.reset-everything";
    static final String GATED = "checkout.waits-for-payment";
    static final String HOSTILE = "hostile.markup";
    static final String HOSTILE_DESCRIPTION = "<script>alert(1)</script>";
    static final String HOSTILE_MESSAGE = "expected <img src=x onerror=\"document.title='owned'\"> to be text";
    static final String HOSTILE_STEP = "<b onmouseover=alert(3)>open</b>";
    static final String ORDERS_PLACED = "orders.placed";
    /** Test data the search scenario declares and the shop never configures. */
    static final String SEARCH_ACCOUNT = "search-account";
    static final String REFUSAL = "DESTRUCTIVE scenarios never run in the production environment 'production'";

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger searches = new AtomicInteger();
    private final Selftest selftest;
    private final EmbeddedServer server;

    private ShopService(boolean hostile, String basePath) {
        Selftest.Builder builder = Selftest.builder()
                .config(ConfigSource.of(Map.of()))
                .setting("selftest.base-path", basePath)
                .environment("production")
                .token(TOKEN)
                .setting("selftest.read-token", READ_TOKEN)
                .kpi(ORDERS_PLACED)
                .healthCheck(HealthKind.READINESS, () -> HealthCheckResponse.named("database").up().build())
                .scenario(Scenario.builder(CATALOGUE)
                        .description("The catalogue lists at least one product")
                        .tags("smoke", "catalogue").safety(Safety.READ_ONLY)
                        .body(context -> {
                            context.step("open the catalogue", () -> Thread.sleep(3));
                            context.step("count the products", () -> Thread.sleep(2));
                        }).build())
                .scenario(Scenario.builder(ORDERS)
                        .description("An order can be placed and cancelled")
                        .tags("smoke", "critical").safety(Safety.SELF_CLEANING)
                        .body(context -> {
                            context.step("place an order", () -> Thread.sleep(8));
                            context.kpis().counter(ORDERS_PLACED).increment();
                            context.cleanup("cancel order 42", () -> Thread.sleep(1));
                        }).build())
                .scenario(Scenario.builder(SEARCH)
                        .description("Search suggests products while typing")
                        .tags("search").safety(Safety.READ_ONLY).requires(SEARCH_ACCOUNT)
                        .body(context -> {
                            Thread.sleep(4 + searches.get() % 5);
                            if (searches.incrementAndGet() % 3 == 0) {
                                throw new AssertionError("expected 3 suggestions for 'cha' but got 0");
                            }
                        }).build())
                .scenario(Scenario.builder(RESET)
                        .description("Resets every table to the seed data")
                        .tags("maintenance").safety(Safety.DESTRUCTIVE)
                        .body(context -> { }).build())
                .scenario(Scenario.builder(GATED)
                        .description("Checkout completes once the payment provider answers")
                        .tags("slow").safety(Safety.READ_ONLY).timeout(Duration.ofSeconds(30))
                        .body(context -> {
                            if (!gate.await(25, TimeUnit.SECONDS)) {
                                throw new AssertionError("the payment provider never answered");
                            }
                        }).build());
        if (hostile) {
            builder.scenario(Scenario.builder(HOSTILE)
                    .description(HOSTILE_DESCRIPTION)
                    .tags("hostile").safety(Safety.READ_ONLY)
                    .body(context -> context.step(HOSTILE_STEP, () -> {
                        throw new AssertionError(HOSTILE_MESSAGE);
                    })).build());
        }
        this.selftest = builder.build();
        this.server = EmbeddedServer.start(selftest, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    static ShopService start() {
        return new ShopService(false, "/selftest");
    }

    /** With the hostile scenario added. */
    static ShopService startHostile() {
        return new ShopService(true, "/selftest");
    }

    /** With the control API under another base path. */
    static ShopService startAt(String basePath) {
        return new ShopService(false, basePath);
    }

    /** The dashboard's address. */
    URI page() {
        return URI.create(server.baseUri() + "/ui");
    }

    URI baseUri() {
        return server.baseUri();
    }

    Selftest selftest() {
        return selftest;
    }

    void releaseGate() {
        gate.countDown();
    }

    /** Runs scenarios in the service, as a pipeline or the scheduler would, and waits for the result. */
    Run run(Trigger trigger, Map<String, String> labels, String... ids) throws InterruptedException {
        return selftest.run(RunRequest.builder().scenarios(ids).trigger(trigger).labels(labels).build(),
                Duration.ofSeconds(20));
    }

    /** Whether the service streams a run's progress as server-sent events (else the page polls). */
    boolean streamsEvents(String runId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + "/runs/" + runId + "/events"))
                .header("Authorization", "Bearer " + TOKEN).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            return response.statusCode() == 200 && response.headers().firstValue("Content-Type")
                    .filter(type -> type.startsWith("text/event-stream")).isPresent();
        }
    }

    List<Run> runs() {
        return selftest.runs();
    }

    @Override
    public void close() {
        releaseGate();
        server.close();
        selftest.close();
    }
}
