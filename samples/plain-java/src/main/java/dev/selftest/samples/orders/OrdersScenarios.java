package dev.selftest.samples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.ProviderStateHandler;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.ScenarioContext;
import dev.selftest.Sweeper;
import dev.selftest.cleanup.CleanupHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service's functional checks. They call the service's own HTTP API on loopback, as a client would, and
 * read the database to prove what happened.
 */
final class OrdersScenarios {
    /** The resource type of orders created by scenarios, removed by {@link #orderCleanup()}. */
    static final String ORDER = "order";
    /** The resource type "every order of a test customer", removed by {@link #customerOrdersCleanup()}. */
    static final String CUSTOMER_ORDERS = "customer-orders";
    private final OrdersDatabase database;
    private final Supplier<URI> baseUri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    OrdersScenarios(OrdersDatabase database, Supplier<URI> baseUri) {
        this.database = database;
        this.baseUri = baseUri;
    }

    List<Scenario> all() {
        return List.of(
                Scenario.builder("catalogue.lists-products")
                        .description("The catalogue lists products with a name and a positive price")
                        .tags("smoke", "critical")
                        .safety(Safety.READ_ONLY)
                        .timeout(Duration.ofSeconds(5))
                        .body(this::catalogueListsProducts)
                        .build(),
                Scenario.builder("orders.place-and-cancel")
                        .description("A customer places an order and cancels it; the order is stored, then cancelled")
                        .tags("smoke", "critical", "orders")
                        .safety(Safety.SELF_CLEANING)
                        .timeout(Duration.ofSeconds(10))
                        .body(this::placeAndCancel)
                        .build(),
                Scenario.builder("orders.unknown-order-is-404")
                        .description("Asking for an order that does not exist answers 404")
                        .tags("smoke", "orders")
                        .safety(Safety.READ_ONLY)
                        .timeout(Duration.ofSeconds(5))
                        .body(this::unknownOrderIs404)
                        .build(),
                Scenario.builder("catalogue.reset")
                        .description("Resetting the catalogue restores the seed products (changes shared data)")
                        .tags("admin")
                        .safety(Safety.DESTRUCTIVE)
                        .timeout(Duration.ofSeconds(10))
                        .body(this::resetCatalogue)
                        .build(),
                Scenario.builder("orders.bulk-place")
                        .description("Three orders placed at once are all stored (slow: waits 3 s for fulfilment)")
                        .tags("slow", "orders")
                        .safety(Safety.SELF_CLEANING)
                        .timeout(Duration.ofSeconds(20))
                        .body(this::bulkPlace)
                        .build(),
                Scenario.builder("orders.daily-report")
                        .description("The daily report's total matches the orders (deliberately slow: waits 3 s)")
                        .tags("slow", "orders")
                        .safety(Safety.READ_ONLY)
                        .timeout(Duration.ofSeconds(20))
                        .body(this::dailyReport)
                        .build());
    }

    /**
     * Pact provider state "an order exists": places an order for a test customer (params {@code productId} and
     * {@code quantity}, default 1) and returns its id as {@code orderId}; the order is tracked, so teardown removes it.
     */
    ProviderStateHandler anOrderExists() {
        return (params, context) -> {
            long productId = ((Number) params.getOrDefault("productId", 1)).longValue();
            int quantity = ((Number) params.getOrDefault("quantity", 1)).intValue();
            Order order = database.placeOrder(context.testDataName("pact-customer"), productId, quantity);
            context.track(ORDER, Long.toString(order.id()));
            return Map.of("orderId", order.id());
        };
    }

    /** Pact provider state "the catalogue has products": the seed catalogue always has; nothing to create. */
    ProviderStateHandler catalogueHasProducts() {
        return (params, context) -> {
            check(!database.products().isEmpty(), "the catalogue is empty");
            return Map.of();
        };
    }

    /** Removes tracked orders, also after a crash. */
    CleanupHandler orderCleanup() {
        return id -> database.deleteOrder(Long.parseLong(id));
    }

    /**
     * Removes every order of a test customer. Tracked before the orders are placed, so that a crash at any moment
     * after it leaves nothing behind (tracking an id can only happen after the row exists).
     */
    CleanupHandler customerOrdersCleanup() {
        return database::deleteOrdersOf;
    }

    /** Removes orders of test customers whose run is over and whose cleanup did not happen. */
    Sweeper sweeper() {
        return Sweeper.of("orders", context -> {
            int removed = 0;
            for (Order order : database.ordersOfCustomersStartingWith(Sweeper.TEST_DATA_PREFIX)) {
                if (context.isLeftover(order.customer()) && database.deleteOrder(order.id())) {
                    removed++;
                }
            }
            return removed;
        });
    }

    private void catalogueListsProducts(ScenarioContext context) throws Exception {
        JsonNode products = get("/products", 200);
        check(products.isArray() && products.size() > 0, "the catalogue is empty");
        for (JsonNode product : products) {
            check(!product.path("name").asText().isBlank(), "product " + product.path("id") + " has no name");
            check(product.path("priceCents").asLong() > 0, "product " + product.path("id") + " has no price");
        }
    }

    private void placeAndCancel(ScenarioContext context) throws Exception {
        String customer = context.testDataName("customer");
        long[] orderId = new long[1];
        context.step("place order", () -> {
            JsonNode order = post("/orders", "{\"customer\":\"" + customer + "\",\"productId\":1,\"quantity\":2}",
                    201);
            orderId[0] = order.path("id").asLong();
            context.track(ORDER, Long.toString(orderId[0]));
            check("PLACED".equals(order.path("status").asText()), "a new order is " + order.path("status"));
        });
        context.step("order is stored", () -> check(database.order(orderId[0]).isPresent(),
                "order " + orderId[0] + " is not in the database"));
        context.step("cancel order", () -> {
            JsonNode cancelled = post("/orders/" + orderId[0] + "/cancel", "", 200);
            check("CANCELLED".equals(cancelled.path("status").asText()),
                    "a cancelled order is " + cancelled.path("status"));
        });
        context.kpis().counter("orders.placed", "source", "selftest").increment();
    }

    private void bulkPlace(ScenarioContext context) throws Exception {
        String customer = context.testDataName("bulk-customer");
        context.track(CUSTOMER_ORDERS, customer);
        List<Long> ids = new ArrayList<>();
        context.step("place 3 orders", () -> {
            for (int i = 1; i <= 3; i++) {
                ids.add(post("/orders", "{\"customer\":\"" + customer + "\",\"productId\":" + i
                        + ",\"quantity\":1}", 201).path("id").asLong());
            }
        });
        Thread.sleep(3000);
        context.step("all 3 are stored", () -> {
            for (long id : ids) {
                check(database.order(id).isPresent(), "order " + id + " is missing");
            }
        });
    }

    private void unknownOrderIs404(ScenarioContext context) throws Exception {
        get("/orders/999999999999", 404);
    }

    private void resetCatalogue(ScenarioContext context) {
        database.resetCatalogue();
        check(database.products().size() == 3, "the reset catalogue has " + database.products().size()
                + " products, expected 3");
    }

    private void dailyReport(ScenarioContext context) throws Exception {
        Thread.sleep(3000);
        long counted = database.orders().stream().mapToLong(Order::quantity).sum();
        long reported = database.totalQuantity();
        check(counted == reported, "the report says " + reported + " items were ordered, the orders add up to "
                + counted);
    }

    private JsonNode get(String path, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(baseUri.get().resolve(path)).GET(), expectedStatus);
    }

    private JsonNode post(String path, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(baseUri.get().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), expectedStatus);
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() == expectedStatus, request.build().method() + " " + request.build().uri().getPath()
                + " answered " + response.statusCode() + ", expected " + expectedStatus + ": " + response.body());
        return json.readTree(response.body());
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
