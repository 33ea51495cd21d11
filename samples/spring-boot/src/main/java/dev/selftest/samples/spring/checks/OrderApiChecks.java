package dev.selftest.samples.spring.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.selftest.junit.SelfCleaning;
import dev.selftest.junit.SelftestContext;
import dev.selftest.junit.SelftestExtension;
import dev.selftest.samples.spring.Order;
import dev.selftest.samples.spring.OrdersController;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.web.client.RestClient;

/** Placing and cancelling an order, written as a JUnit test; the order it creates is tracked and removed. */
@ExtendWith(SelftestExtension.class)
@SelfCleaning
@Tag("orders")
class OrderApiChecks {
    private final RestClient http = RestClient.create();

    @Test
    void placedOrderCanBeCancelled(SelftestContext selftest) {
        Order placed = http.post().uri(selftest.target("/orders"))
                .body(new OrdersController.NewOrder(selftest.testDataName("customer"), 2, 1))
                .retrieve().body(Order.class);
        assertNotNull(placed);
        selftest.track("order", Long.toString(placed.id()));
        assertEquals(Order.PLACED, placed.status());

        Order cancelled = http.post().uri(selftest.target("/orders/" + placed.id() + "/cancel")).retrieve()
                .body(Order.class);
        assertNotNull(cancelled);
        assertEquals(Order.CANCELLED, cancelled.status());
    }
}
