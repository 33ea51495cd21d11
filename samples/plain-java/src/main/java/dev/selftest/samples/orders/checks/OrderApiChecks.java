package dev.selftest.samples.orders.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftest.junit.ReadOnly;
import dev.selftest.junit.SelftestContext;
import dev.selftest.junit.SelftestExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Read-only: a refused order creates nothing. */
@DisplayName("The order API answers mistakes with problems")
@Tag("orders")
@ReadOnly
@ExtendWith(SelftestExtension.class)
class OrderApiChecks {

    @Test
    void unknownOrderIsNotFound(SelftestContext selftest) throws Exception {
        HttpResponse<String> response = new ServiceClient(selftest).get("/orders/999999999999");

        assertEquals(404, response.statusCode(), response::body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{}", "{\"customer\":\"x\",\"productId\":1,\"quantity\":0}",
            "{\"customer\":\"x\",\"productId\":424242,\"quantity\":1}"})
    void invalidOrderIsRefusedWithAProblem(String body, SelftestContext selftest) throws Exception {
        HttpResponse<String> response = new ServiceClient(selftest).post("/orders", body);

        assertEquals(400, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "a refused order is answered with a problem");
    }
}
