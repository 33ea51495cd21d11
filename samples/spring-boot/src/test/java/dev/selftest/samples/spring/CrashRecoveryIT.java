package dev.selftest.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash in the middle of a self-cleaning scenario leaves no test data behind: the orders it tracked are in the
 * journal (in the orders database), and the restarted jar removes them at start-up.
 */
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void ordersOfACrashedRunAreRemovedAfterTheRestart() throws Exception {
        try (OrdersJar first = OrdersJar.start("staging", data)) {
            assertThat(orders(first)).isZero();
            assertThat(first.postJson("/selftest/runs", "{\"scenarios\":[\"orders.bulk-place\"]}").statusCode())
                    .isEqualTo(201);
            awaitOrders(first, 3);
            Thread.sleep(1000); // inside the scenario's 3 s wait: the third order is tracked by now
            first.kill();
        }
        try (OrdersJar restarted = OrdersJar.start("staging", data)) {
            awaitOrders(restarted, 0);
        }
    }

    private static void awaitOrders(OrdersJar jar, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        long orders = orders(jar);
        while (orders != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            orders = orders(jar);
        }
        assertThat(orders).isEqualTo(expected);
    }

    private static long orders(OrdersJar jar) throws Exception {
        return JSON.readTree(jar.get("/orders/report").body()).path("orders").asLong();
    }
}
