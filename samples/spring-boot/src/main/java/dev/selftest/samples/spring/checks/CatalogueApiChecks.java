package dev.selftest.samples.spring.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.selftest.junit.ReadOnly;
import dev.selftest.junit.SelftestContext;
import dev.selftest.junit.SelftestExtension;
import dev.selftest.samples.spring.Product;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** The catalogue as a client sees it, written as plain JUnit tests. */
@ExtendWith(SelftestExtension.class)
@ReadOnly
@Tag("smoke")
class CatalogueApiChecks {
    private final RestClient http = RestClient.create();

    @Test
    void everyProductHasANameAndAPrice(SelftestContext selftest) {
        List<Product> products = http.get().uri(selftest.target("/products")).retrieve()
                .body(new ParameterizedTypeReference<List<Product>>() { });
        assertNotNull(products);
        assertFalse(products.isEmpty(), "the catalogue is empty");
        for (Product product : products) {
            assertFalse(product.name().isBlank(), "product " + product.id() + " has no name");
            assertTrue(product.priceCents() > 0, "product " + product.id() + " has no price");
        }
    }

    @Test
    void unknownOrderIsNotFound(SelftestContext selftest) {
        HttpStatusCode status = http.get().uri(selftest.target("/orders/999999999999"))
                .exchange((request, response) -> response.getStatusCode());
        assertEquals(404, status.value());
    }
}
