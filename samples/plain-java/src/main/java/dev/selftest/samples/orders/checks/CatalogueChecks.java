package dev.selftest.samples.orders.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.junit.ReadOnly;
import dev.selftest.junit.SelftestContext;
import dev.selftest.junit.SelftestExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("The catalogue offers products customers can order")
@Tag("smoke")
@ReadOnly
@ExtendWith(SelftestExtension.class)
class CatalogueChecks {

    @Test
    void everyProductHasANameAndAPrice(SelftestContext selftest, TestReporter reporter) throws Exception {
        HttpResponse<String> response = new ServiceClient(selftest).get("/products");

        assertEquals(200, response.statusCode(), () -> "GET /products answered " + response.body());
        JsonNode products = new ObjectMapper().readTree(response.body());
        assertTrue(products.isArray() && !products.isEmpty(), "the catalogue is empty");
        for (JsonNode product : products) {
            String id = product.path("id").asText();
            assertFalse(product.path("name").asText().isBlank(), () -> "product " + id + " has no name");
            assertTrue(product.path("priceCents").asLong() > 0, () -> "product " + id + " has no price");
        }
        reporter.publishEntry("products", Integer.toString(products.size()));
    }
}
