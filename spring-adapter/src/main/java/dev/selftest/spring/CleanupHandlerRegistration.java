package dev.selftest.spring;

import dev.selftest.cleanup.CleanupHandler;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Registers, as a bean, the {@link CleanupHandler} that removes resources a scenario tracked with
 * {@code context.track(type, id)}, also after a crash:
 *
 * <pre>{@code
 * @Bean
 * CleanupHandlerRegistration orderCleanup(OrdersRepository orders) {
 *     return new CleanupHandlerRegistration("order", id -> orders.delete(Long.parseLong(id)));
 * }
 * }</pre>
 *
 * @param type    the resource type scenarios track, such as {@code order}
 * @param handler removes one resource by id; must be idempotent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CleanupHandlerRegistration(String type, CleanupHandler handler) {
    public CleanupHandlerRegistration {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, () -> "handler of type '" + type + "'");
    }
}
