package dev.selftest.spring;

import dev.selftest.ProviderStateHandler;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Registers, as a bean, the {@link ProviderStateHandler} of a Pact provider state, served by
 * {@code POST /selftest/provider-states}:
 *
 * <pre>{@code
 * @Bean
 * ProviderStateRegistration orderExists(OrdersRepository orders) {
 *     return new ProviderStateRegistration("an order exists", (params, context) -> {
 *         Order order = orders.place(context.testDataName("customer"), 1, 1);
 *         context.track("order", Long.toString(order.id()));
 *         return Map.of("orderId", order.id());
 *     });
 * }
 * }</pre>
 *
 * @param name    the provider state as the pact names it
 * @param handler sets it up; what it creates is cleaned up on teardown
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProviderStateRegistration(String name, ProviderStateHandler handler) {
    public ProviderStateRegistration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, () -> "handler of provider state '" + name + "'");
    }
}
