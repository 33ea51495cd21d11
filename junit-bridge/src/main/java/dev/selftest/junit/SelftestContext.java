package dev.selftest.junit;

import dev.selftest.ScenarioContext;
import java.net.URI;
import org.apiguardian.api.API;

/**
 * What a JUnit test gets from {@link SelftestExtension}: the Selftest {@link ScenarioContext} (cleanup, KPIs,
 * environment values, run id) and the base URL of the service under test. The same test code runs in both modes:
 * <ul>
 *   <li>inside the live service, run by a Selftest run, it is that run's context: cleanup runs after the scenario
 *       and is reported with it;</li>
 *   <li>standalone under Surefire it is a context of its own: environment {@code ci} (or
 *       {@code selftest.environment}), cleanup after each test, KPIs in Micrometer's global registry.</li>
 * </ul>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SelftestContext extends ScenarioContext {

    /** The JUnit configuration parameter (also a system property) that sets the target URL. */
    String TARGET_URL = "selftest.target-url";

    /**
     * The base URL of the service under test, from {@value #TARGET_URL} (a JUnit configuration parameter or system
     * property) or the environment variable {@code SELFTEST_TARGET_URL}; inside the service, the URL the bridge was
     * given.
     *
     * @throws IllegalStateException saying how to configure it, when none is configured
     */
    URI targetUrl();

    /** A URL of the service under test: {@code target("/orders")} against {@code http://host:8080/shop/}. */
    default URI target(String path) {
        String base = targetUrl().toString();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return URI.create(base.endsWith("/") ? base + relative : base + "/" + relative);
    }
}
