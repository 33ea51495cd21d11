package dev.selftest.spring;

import dev.selftest.spring.internal.JUnitDiscovery;
import dev.selftest.spring.internal.SpringConfigSource;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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
 * nested jars. Discovery, a few hundred milliseconds that are mostly JUnit's engine starting, never holds up start-up:
 * it runs when the first run, scheduled run or scenario list needs the scenarios. Packages without a test class
 * refuse runs saying so (and are logged as an error). Tests reach the application at
 * {@code http://127.0.0.1:<local port><context path>}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@AutoConfiguration(before = SelftestAutoConfiguration.class)
@ConditionalOnClass(name = {JUnitDiscovery.BRIDGE_CLASS, JUnitDiscovery.LAUNCHER_CLASS})
@ConditionalOnBooleanProperty(name = "selftest.enabled", matchIfMissing = true)
@Conditional(SelftestJUnitAutoConfiguration.PackagesConfigured.class)
public final class SelftestJUnitAutoConfiguration {
    private static final String PACKAGES = "selftest.junit.packages";

    /**
     * Adds the bridged tests to the {@code Selftest} being built, discovered when a run or the scenario list first
     * needs them.
     *
     * @throws org.springframework.boot.context.properties.bind.BindException when a {@code selftest.junit.*} value
     *                                                                          is malformed (start-up stops)
     */
    @Bean
    SelftestBuilderCustomizer selftestJUnitScenarios(ResourceLoader resourceLoader, Environment environment) {
        SelftestProperties.Junit junit = bindJunit(Binder.get(environment));
        return builder -> builder.discoverScenarios(() -> JUnitDiscovery.discover(junit, resourceLoader, environment));
    }

    /**
     * {@code selftest.junit.*}, key by key, with the defaults {@link SelftestProperties.Junit} documents: binding the
     * record as a whole costs start-up several milliseconds of value-object binding for four values (BENCHMARKS.md).
     */
    private static SelftestProperties.Junit bindJunit(Binder binder) {
        return new SelftestProperties.Junit(binder.bind(PACKAGES, Bindable.listOf(String.class)).orElse(List.of()),
                binder.bind("selftest.junit.tags", String.class).orElse(null),
                binder.bind("selftest.junit.granularity", SelftestProperties.Granularity.class)
                        .orElse(SelftestProperties.Granularity.CLASS),
                binder.bind("selftest.junit.timeout", Duration.class).orElse(Duration.ofSeconds(30)));
    }

    /**
     * Matches when {@code selftest.junit.packages} names at least one package, in any form core's settings are read
     * in (a comma-separated value, an indexed or YAML list, an environment variable): one property lookup, where
     * binding a list would cost start-up its binder.
     */
    static final class PackagesConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String packages = new SpringConfigSource(context.getEnvironment()).value(PACKAGES).orElse("");
            return packages.replace(",", "").isBlank() ? ConditionOutcome.noMatch("selftest.junit.packages is not set")
                    : ConditionOutcome.match("selftest.junit.packages is " + packages);
        }
    }
}
