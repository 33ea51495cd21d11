package dev.selftest.spring.internal;

import dev.selftest.Scenario;
import dev.selftest.junit.Granularity;
import dev.selftest.junit.JUnitScenarios;
import dev.selftest.spring.SelftestProperties;
import java.net.URI;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Turns the JUnit checks that {@code selftest.junit.*} names into scenarios: Spring's classpath scanning finds the test
 * classes (JUnit's package selection finds nothing inside an executable jar, junit-framework#1724), the bridge
 * discovers their tests. It takes a few hundred milliseconds, most of them JUnit's engine starting, which is why
 * {@code Selftest} runs it when the scenarios are first needed rather than during start-up. It runs with the
 * application's class loader as the thread's context class loader, whichever thread needs the scenarios first.
 * Tests reach the application at {@code http://127.0.0.1:<local port><context path>}.
 */
public final class JUnitDiscovery {
    /** A class of the JUnit bridge: without it on the classpath there is nothing to discover. */
    public static final String BRIDGE_CLASS = "dev.selftest.junit.JUnitScenarios";
    /** A class of the JUnit Platform Launcher, which the bridge runs the tests through. */
    public static final String LAUNCHER_CLASS = "org.junit.platform.launcher.Launcher";

    private JUnitDiscovery() {
    }

    /**
     * The scenarios of the JUnit checks, in discovery order.
     *
     * @throws IllegalStateException when the packages hold no test class
     */
    public static List<Scenario> discover(SelftestProperties.Junit junit, ResourceLoader resourceLoader,
                                          Environment environment) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader application = resourceLoader.getClassLoader();
        thread.setContextClassLoader(application != null ? application : previous);
        try {
            return scanAndDiscover(junit, resourceLoader, environment);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static List<Scenario> scanAndDiscover(SelftestProperties.Junit junit, ResourceLoader resourceLoader,
                                                  Environment environment) {
        List<Class<?>> classes = new TestClassScanner(resourceLoader).scan(junit.packages());
        if (classes.isEmpty()) {
            throw new IllegalStateException("selftest.junit.packages " + junit.packages() + " hold no JUnit test "
                    + "class; test classes must be packaged with the application (src/main/java)");
        }
        JUnitScenarios.Builder bridge = JUnitScenarios.builder()
                .classes(classes.toArray(Class<?>[]::new))
                .granularity(Granularity.valueOf(junit.granularity().name()))
                .timeout(junit.timeout())
                .targetUrl(() -> targetUrl(environment));
        if (junit.tags() != null) {
            bridge.tags(junit.tags());
        }
        return bridge.discover();
    }

    /** The application on loopback, on the port it listens on (known once the web server started). */
    private static URI targetUrl(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return URI.create("http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "")
                + "/");
    }
}
