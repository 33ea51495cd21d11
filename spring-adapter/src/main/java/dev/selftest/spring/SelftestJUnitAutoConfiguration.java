package dev.selftest.spring;

import dev.selftest.Scenario;
import dev.selftest.junit.Granularity;
import dev.selftest.junit.JUnitScenarios;
import dev.selftest.spring.internal.TestClassScanner;
import java.net.URI;
import java.util.List;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * JUnit Jupiter tests as scenarios, through the JUnit bridge, when {@code selftest.junit.packages} names packages.
 * The test classes are found with Spring's own classpath scanning and handed to the bridge by class: JUnit's package
 * selection finds nothing inside a Spring Boot executable jar (junit-framework#1724), Spring's scanner reads its
 * nested jars. Tests reach the application at {@code http://127.0.0.1:<local port><context path>}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@AutoConfiguration(before = SelftestAutoConfiguration.class)
@ConditionalOnClass(name = {"dev.selftest.junit.JUnitScenarios", "org.junit.platform.launcher.Launcher"})
@ConditionalOnBooleanProperty(name = "selftest.enabled", matchIfMissing = true)
@Conditional(SelftestJUnitAutoConfiguration.PackagesConfigured.class)
@EnableConfigurationProperties(SelftestProperties.class)
public final class SelftestJUnitAutoConfiguration {

    /**
     * Adds the bridged tests to the {@code Selftest} being built.
     *
     * @throws IllegalStateException when the packages hold no test class
     */
    @Bean
    SelftestBuilderCustomizer selftestJUnitScenarios(SelftestProperties properties, ResourceLoader resourceLoader,
                                                     Environment environment) {
        SelftestProperties.Junit junit = properties.junit();
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
        List<Scenario> scenarios = bridge.discover();
        return builder -> builder.scenarios(scenarios);
    }

    /** The application on loopback, on the port it listens on (known once the web server started). */
    private static URI targetUrl(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return URI.create("http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "")
                + "/");
    }

    /** Matches when {@code selftest.junit.packages} names at least one package, in any form Spring binds. */
    static final class PackagesConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<String> packages = Binder.get(context.getEnvironment())
                    .bind("selftest.junit.packages", Bindable.listOf(String.class)).orElse(List.of());
            return packages.isEmpty() ? ConditionOutcome.noMatch("selftest.junit.packages is not set")
                    : ConditionOutcome.match("selftest.junit.packages is " + packages);
        }
    }
}
