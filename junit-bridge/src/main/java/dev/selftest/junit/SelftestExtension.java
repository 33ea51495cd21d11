package dev.selftest.junit;

import dev.selftest.ScenarioContext;
import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.junit.internal.ExtensionContexts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a JUnit Jupiter test its {@link SelftestContext} (or {@link ScenarioContext}) as a parameter, the same way in
 * CI and inside the live service.
 *
 * <pre>{@code
 * @ExtendWith(SelftestExtension.class)
 * @SelfCleaning
 * class OrderChecks {
 *     @Test
 *     void placesAnOrder(SelftestContext selftest) {
 *         String id = orders.place(selftest.target("/orders"), selftest.testDataName("order"));
 *         selftest.cleanup("delete order " + id, () -> orders.delete(id));
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Run by a Selftest run (through {@link JUnitScenarios}), the parameter is that run's context: cleanup runs after
 * the scenario and is reported with it. Run by JUnit on its own, such as under Surefire, the test gets a context of
 * its own: environment {@code ci} (or the configuration parameter {@code selftest.environment}), cleanup when the
 * test ends (after {@code @AfterEach}, whether the test passed or failed; a failing cleanup fails the test), the
 * target URL from {@value SelftestContext#TARGET_URL} or {@code SELFTEST_TARGET_URL}.
 *
 * <p>Durable cleanup ({@link ScenarioContext#track}) uses the service's cleanup handlers inside the service. For
 * standalone runs, give the extension handlers of its own, which run when the test ends:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SelftestExtension SELFTEST = new SelftestExtension()
 *         .cleanupHandler("order", id -> orders.delete(id));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SelftestExtension implements ParameterResolver {
    private final Map<String, CleanupHandler> handlers;

    /** An extension for {@code @ExtendWith}: no cleanup handlers for standalone runs. */
    public SelftestExtension() {
        this(Map.of());
    }

    private SelftestExtension(Map<String, CleanupHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    /**
     * This extension plus a handler that removes resources of {@code type} tracked in standalone runs; inside the
     * service the service's own handlers are used.
     */
    public SelftestExtension cleanupHandler(String type, CleanupHandler handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Map<String, CleanupHandler> more = new LinkedHashMap<>(handlers);
        more.put(type, handler);
        return new SelftestExtension(more);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == SelftestContext.class || type == ScenarioContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return ExtensionContexts.resolve(extension, handlers);
    }
}
