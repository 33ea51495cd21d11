package dev.selftest.samples.spring;

import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.ScenarioContext;
import dev.selftest.Sweeper;
import dev.selftest.spring.CleanupHandlerRegistration;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The service's functional checks, as beans: Selftest's auto-configuration registers every {@link Scenario},
 * {@link Sweeper} and {@link CleanupHandlerRegistration} bean. They call the service's own HTTP API on loopback, as a client would, and read the database
 * to prove what happened.
 */
@Configuration(proxyBeanMethods = false)
public class OrdersScenarios {
    /** The resource type of orders created by scenarios, removed by {@link #orderCleanup()}. */
    static final String ORDER = "order";

    private final OrdersRepository repository;
    private final Environment environment;

    public OrdersScenarios(OrdersRepository repository, Environment environment) {
        this.repository = repository;
        this.environment = environment;
    }

    @Bean
    Scenario catalogueListsProducts() {
        return Scenario.builder("catalogue.lists-products")
                .description("The catalogue lists products with a name and a positive price")
                .tags("smoke", "critical")
                .safety(Safety.READ_ONLY)
                .timeout(Duration.ofSeconds(5))
                .body(context -> {
                    List<Product> products = http().get().uri("/products").retrieve()
                            .body(new ParameterizedTypeReference<List<Product>>() { });
                    check(products != null && !products.isEmpty(), "the catalogue is empty");
                    for (Product product : products) {
                        check(!product.name().isBlank(), "product " + product.id() + " has no name");
                        check(product.priceCents() > 0, "product " + product.id() + " has no price");
                    }
                })
                .build();
    }

    @Bean
    Scenario placeAndCancelOrder() {
        return Scenario.builder("orders.place-and-cancel")
                .description("A customer places an order and cancels it; the order is stored, then cancelled")
                .tags("smoke", "critical", "orders")
                .safety(Safety.SELF_CLEANING)
                .timeout(Duration.ofSeconds(10))
                .body(this::placeAndCancel)
                .build();
    }

    @Bean
    Scenario unknownOrderIsNotFound() {
        return Scenario.builder("orders.unknown-order-is-404")
                .description("Asking for an order that does not exist answers 404")
                .tags("smoke", "orders")
                .safety(Safety.READ_ONLY)
                .timeout(Duration.ofSeconds(5))
                .body(context -> {
                    HttpStatusCode status = http().get().uri("/orders/999999999999")
                            .exchange((request, response) -> response.getStatusCode());
                    check(status.value() == 404, "an unknown order answered " + status + ", expected 404");
                })
                .build();
    }

    @Bean
    Scenario resetCatalogue() {
        return Scenario.builder("catalogue.reset")
                .description("Resetting the catalogue restores the seed products (changes shared data)")
                .tags("admin")
                .safety(Safety.DESTRUCTIVE)
                .timeout(Duration.ofSeconds(10))
                .body(context -> {
                    repository.resetCatalogue();
                    check(repository.products().size() == 3, "the reset catalogue has "
                            + repository.products().size() + " products, expected 3");
                })
                .build();
    }

    @Bean
    Scenario dailyReport() {
        return Scenario.builder("orders.daily-report")
                .description("The daily report's total matches the orders (deliberately slow: waits 3 s)")
                .tags("slow", "orders")
                .safety(Safety.READ_ONLY)
                .timeout(Duration.ofSeconds(20))
                .body(context -> {
                    Thread.sleep(3000);
                    long counted = repository.orders().stream().mapToLong(Order::quantity).sum();
                    Map<String, Long> report = http().get().uri("/orders/report").retrieve()
                            .body(new ParameterizedTypeReference<Map<String, Long>>() { });
                    check(report != null && report.get("items") == counted, "the report says " + report
                            + ", the orders add up to " + counted + " items");
                })
                .build();
    }

    @Bean
    Scenario bulkPlaceOrders() {
        return Scenario.builder("orders.bulk-place")
                .description("Three orders placed at once are all stored (slow: waits 3 s for fulfilment)")
                .tags("slow", "orders")
                .safety(Safety.SELF_CLEANING)
                .timeout(Duration.ofSeconds(20))
                .body(this::bulkPlace)
                .build();
    }

    /** Removes orders that scenarios tracked with {@code context.track("order", id)}, also after a crash. */
    @Bean
    CleanupHandlerRegistration orderCleanup() {
        return new CleanupHandlerRegistration(ORDER, id -> repository.delete(Long.parseLong(id)));
    }

    /** Removes orders of test customers whose run is over and whose cleanup did not happen. */
    @Bean
    Sweeper ordersSweeper() {
        return Sweeper.of("orders", context -> {
            int removed = 0;
            for (Order order : repository.ordersOfCustomersStartingWith(Sweeper.TEST_DATA_PREFIX)) {
                if (context.isLeftover(order.customer()) && repository.delete(order.id())) {
                    removed++;
                }
            }
            return removed;
        });
    }

    private void placeAndCancel(ScenarioContext context) throws Exception {
        String customer = context.testDataName("customer");
        long[] orderId = new long[1];
        context.step("place order", () -> {
            ResponseEntity<Order> placed = http().post().uri("/orders")
                    .body(new OrdersController.NewOrder(customer, 1, 2)).retrieve().toEntity(Order.class);
            Order order = placed.getBody();
            check(placed.getStatusCode().value() == 201 && order != null, "placing an order answered "
                    + placed.getStatusCode());
            orderId[0] = order.id();
            context.track(ORDER, Long.toString(order.id()));
            check(Order.PLACED.equals(order.status()), "a new order is " + order.status());
        });
        context.step("order is stored", () -> check(repository.order(orderId[0]).isPresent(),
                "order " + orderId[0] + " is not in the database"));
        context.step("cancel order", () -> {
            Order cancelled = http().post().uri("/orders/{id}/cancel", orderId[0]).retrieve().body(Order.class);
            check(cancelled != null && Order.CANCELLED.equals(cancelled.status()),
                    "a cancelled order is " + (cancelled == null ? null : cancelled.status()));
        });
        context.kpis().counter("orders.placed", "source", "selftest").increment();
    }

    private void bulkPlace(ScenarioContext context) throws Exception {
        String customer = context.testDataName("bulk-customer");
        List<Long> ids = new ArrayList<>();
        context.step("place 3 orders", () -> {
            for (long product = 1; product <= 3; product++) {
                Order order = http().post().uri("/orders").body(new OrdersController.NewOrder(customer, product, 1))
                        .retrieve().body(Order.class);
                check(order != null, "placing an order answered no order");
                context.track(ORDER, Long.toString(order.id()));
                ids.add(order.id());
            }
        });
        Thread.sleep(3000);
        context.step("all 3 are stored", () -> {
            for (long id : ids) {
                check(repository.order(id).isPresent(), "order " + id + " is missing");
            }
        });
    }

    /** A client of this very service, on the port it listens on. */
    private RestClient http() {
        return RestClient.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port"));
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
