package dev.selftest.samples.jakarta;

import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.ScenarioContext;
import dev.selftest.Sweeper;
import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.jakarta.CleanupType;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The service's functional checks, produced as CDI beans: Selftest's Jakarta adapter collects every
 * {@link Scenario}, {@link CleanupHandler}, {@link CleanupJournal} and {@link Sweeper} bean. They call the service's
 * own HTTP API on loopback, as a client would, and read the database to prove what happened.
 */
@Dependent
class OrdersScenarios {
    /** The resource type of an order a scenario created, tracked by id. */
    static final String ORDER = "order";
    /** The resource type of all orders of a test customer, tracked by name before they are placed. */
    static final String CUSTOMER_ORDERS = "customer-orders";

    @Inject
    OrdersClient client;

    @Inject
    Catalogue catalogue;

    @Produces
    Scenario catalogueListsProducts() {
        return Scenario.builder("catalogue.lists-products")
                .description("The catalogue lists products with a name and a positive price")
                .tags("smoke", "critical").safety(Safety.READ_ONLY).timeout(Duration.ofSeconds(5))
                .body(this::catalogueListsProducts)
                .build();
    }

    @Produces
    Scenario placeAndCancelOrder() {
        return Scenario.builder("orders.place-and-cancel")
                .description("A customer places an order and cancels it; the order is stored, then cancelled")
                .tags("smoke", "critical", "orders").safety(Safety.SELF_CLEANING).timeout(Duration.ofSeconds(10))
                .body(this::placeAndCancel)
                .build();
    }

    @Produces
    Scenario unknownOrderIsNotFound() {
        return Scenario.builder("orders.unknown-order-is-404")
                .description("Asking for an order that does not exist answers 404")
                .tags("smoke", "orders").safety(Safety.READ_ONLY).timeout(Duration.ofSeconds(5))
                .body(context -> check(client.statusOfOrder(999_999_999_999L) == 404, "an unknown order is found"))
                .build();
    }

    @Produces
    Scenario resetCatalogue() {
        return Scenario.builder("catalogue.reset")
                .description("Resetting the catalogue restores the seed products (changes shared data)")
                .tags("admin").safety(Safety.DESTRUCTIVE).timeout(Duration.ofSeconds(10))
                .body(context -> {
                    catalogue.reset();
                    check(client.products().equals(Catalogue.SEED), "the reset catalogue is " + client.products());
                })
                .build();
    }

    @Produces
    Scenario bulkPlace() {
        return Scenario.builder("orders.bulk-place")
                .description("Three orders placed at once are all stored (slow: waits 3 s for fulfilment)")
                .tags("slow", "orders").safety(Safety.SELF_CLEANING).timeout(Duration.ofSeconds(20))
                .body(context -> {
                    String customer = context.testDataName("bulk-customer");
                    context.track(CUSTOMER_ORDERS, customer); // before the orders exist: no crash can miss one
                    List<Order> placed = new ArrayList<>();
                    for (long productId : List.of(1L, 2L, 3L)) {
                        placed.add(client.place(new OrderRequest(customer, productId, 1)));
                    }
                    Thread.sleep(3000); // stands for fulfilment
                    placed.forEach(order -> check(catalogue.order(order.id()).isPresent(), "order " + order.id()
                            + " is missing"));
                })
                .build();
    }

    @Produces
    Scenario dailyReport() {
        return Scenario.builder("orders.daily-report")
                .description("The daily report's total matches the orders (deliberately slow: waits 3 s)")
                .tags("slow", "orders").safety(Safety.READ_ONLY).timeout(Duration.ofSeconds(20))
                .body(this::dailyReport)
                .build();
    }

    /** Removes the orders scenarios {@linkplain ScenarioContext#track track}, also after a crash. */
    @Produces
    @CleanupType(ORDER)
    CleanupHandler orderCleanup() {
        return id -> catalogue.delete(Long.parseLong(id));
    }

    /** Removes every order of a test customer tracked before its orders were placed. */
    @Produces
    @CleanupType(CUSTOMER_ORDERS)
    CleanupHandler customerOrdersCleanup() {
        return catalogue::deleteOrdersOf;
    }

    /** Keeps durable cleanup intents in the service's own database, so they survive a crash with the data. */
    @Produces
    @Singleton
    CleanupJournal journal(DataSource dataSource) {
        return CleanupJournal.jdbc(dataSource);
    }

    /** Removes orders of test customers whose run is over but whose cleanup never happened. */
    @Produces
    Sweeper testOrders() {
        return Sweeper.of("orders", context -> (int) catalogue
                .ordersOfCustomersStartingWith(Sweeper.TEST_DATA_PREFIX).stream()
                .filter(order -> context.isLeftover(order.customer()) && catalogue.delete(order.id()))
                .count());
    }

    private void catalogueListsProducts(ScenarioContext context) throws Exception {
        List<Product> products = client.products();
        check(!products.isEmpty(), "the catalogue is empty");
        products.forEach(product -> check(!product.name().isBlank() && product.priceCents() > 0,
                "product " + product.id() + " lacks a name or a price: " + product));
    }

    private void placeAndCancel(ScenarioContext context) throws Exception {
        Order placed = client.place(new OrderRequest(context.testDataName("customer"), 1, 2));
        context.track(ORDER, Long.toString(placed.id()));
        check(placed.status().equals("PLACED"), "a new order is " + placed.status());
        context.step("the order is stored", () -> check(catalogue.order(placed.id()).isPresent(),
                "order " + placed.id() + " is not in the database"));
        context.step("the order can be cancelled", () -> check(client.cancel(placed.id()).status().equals("CANCELLED"),
                "order " + placed.id() + " was not cancelled"));
        context.kpis().counter("orders.placed", "source", "selftest").increment();
    }

    private void dailyReport(ScenarioContext context) throws InterruptedException {
        Thread.sleep(3000); // stands for a slow report query
        long ordered = catalogue.orders().stream().mapToLong(Order::quantity).sum();
        check(catalogue.totalQuantity() == ordered, "the daily report's total differs from the " + ordered
                + " items ordered");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
