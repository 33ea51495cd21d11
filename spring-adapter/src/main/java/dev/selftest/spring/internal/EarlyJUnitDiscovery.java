package dev.selftest.spring.internal;

import dev.selftest.Scenario;
import dev.selftest.spring.SelftestProperties;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Starts the {@linkplain JUnitDiscovery discovery of the JUnit checks} on a background thread as soon as the
 * application context is created (registered in {@code META-INF/spring.factories}), so that it runs while Spring
 * parses the configuration and creates the first beans instead of holding up start-up; the auto-configuration then
 * takes the result. Does nothing when Selftest is off, no package is configured or the bridge is not on the classpath.
 */
public final class EarlyJUnitDiscovery implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    /** The name of the {@link Started} bean. */
    public static final String BEAN_NAME = "selftestEarlyJUnitDiscovery";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Binder binder = Binder.get(context.getEnvironment());
        ClassLoader classLoader = context.getClassLoader();
        if (!binder.bind("selftest.enabled", Boolean.class).orElse(true)
                || !ClassUtils.isPresent(JUnitDiscovery.BRIDGE_CLASS, classLoader)
                || !ClassUtils.isPresent(JUnitDiscovery.LAUNCHER_CLASS, classLoader)) {
            return;
        }
        SelftestProperties.Junit junit = binder.bind("selftest.junit", SelftestProperties.Junit.class).orElse(null);
        if (junit == null || junit.packages().isEmpty()) {
            return;
        }
        CompletableFuture<List<Scenario>> scenarios = CompletableFuture.supplyAsync(() -> JUnitDiscovery.discover(
                junit, new DefaultResourceLoader(classLoader), context.getEnvironment()), task -> {
                    Thread discovery = new Thread(task, "selftest-junit-discovery");
                    discovery.setDaemon(true);
                    discovery.setContextClassLoader(classLoader);
                    discovery.start();
                });
        context.getBeanFactory().registerSingleton(BEAN_NAME, new Started(junit, scenarios));
    }

    /** A discovery under way, for the settings it was started with. */
    public static final class Started {
        private final SelftestProperties.Junit junit;
        private final CompletableFuture<List<Scenario>> scenarios;

        public Started(SelftestProperties.Junit junit, CompletableFuture<List<Scenario>> scenarios) {
            this.junit = junit;
            this.scenarios = scenarios;
        }

        /**
         * Waits for the scenarios if they were discovered for {@code current}; empty when the settings changed since
         * the discovery started (a property source that the context added while it refreshed).
         *
         * @throws IllegalStateException as {@link JUnitDiscovery#discover} does
         */
        public Optional<List<Scenario>> scenariosFor(SelftestProperties.Junit current) {
            if (!junit.equals(current)) {
                return Optional.empty();
            }
            try {
                return Optional.of(scenarios.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
