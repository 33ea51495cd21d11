package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Run;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.spring.internal.EarlyJUnitDiscovery;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

class SelftestJUnitAutoConfigurationTests {
    private static final String CHECKS = "dev.selftest.spring.fixtures.checks";
    /** The bridge's internals: classes, but no test class. */
    private static final String NO_TESTS = "dev.selftest.junit.internal";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SelftestJUnitAutoConfiguration.class,
                    SelftestAutoConfiguration.class));

    @Test
    void testClassesInThePackagesBecomeScenarios() {
        runner.withPropertyValues("selftest.junit.packages=" + CHECKS).run(context -> {
            Selftest selftest = context.getBean(Selftest.class);
            assertThat(selftest.scenarios()).extracting(Scenario::id).containsExactly(
                    CHECKS + ".CatalogueChecks", CHECKS + ".more.OrderChecks");
            assertThat(selftest.scenario(CHECKS + ".CatalogueChecks").orElseThrow().safety())
                    .isEqualTo(Safety.READ_ONLY);

            Run run = selftest.run(RunRequest.builder().scenarios(CHECKS + ".CatalogueChecks").build(),
                    Duration.ofSeconds(30));
            assertThat(run.passed()).as("%s", run).isTrue();
            assertThat(run.results()).singleElement().satisfies(result -> assertThat(result.steps())
                    .extracting(step -> step.name()).anyMatch(name -> name.contains("listsProducts")));
        });
    }

    @Test
    void yamlListOfPackagesAndMethodGranularity() {
        runner.withPropertyValues("selftest.junit.packages[0]=" + CHECKS + ".more", "selftest.junit.granularity=method")
                .run(context -> assertThat(context.getBean(Selftest.class).scenarios()).extracting(Scenario::id)
                        .containsExactly(CHECKS + ".more.OrderChecks#placesOrders"));
    }

    @Test
    void tagExpressionSelectsTests() {
        runner.withPropertyValues("selftest.junit.packages=" + CHECKS, "selftest.junit.tags=orders")
                .run(context -> assertThat(context.getBean(Selftest.class).scenarios()).extracting(Scenario::id)
                        .containsExactly(CHECKS + ".more.OrderChecks"));
    }

    @Test
    void discoveryStartedInTheBackgroundAsTheContextIsCreatedGivesTheScenarios() {
        runner.withInitializer(new EarlyJUnitDiscovery())
                .withPropertyValues("selftest.junit.packages=" + CHECKS, "selftest.junit.granularity=method")
                .run(context -> {
                    assertThat(context).hasBean(EarlyJUnitDiscovery.BEAN_NAME);
                    assertThat(context.getBean(Selftest.class).scenarios()).extracting(Scenario::id).containsExactly(
                            CHECKS + ".CatalogueChecks#listsProducts", CHECKS + ".CatalogueChecks$WhenEmpty#saysSo",
                            CHECKS + ".more.OrderChecks#placesOrders");
                });
    }

    @Test
    void anApplicationStartedBySpringApplicationDiscoversTheChecksInTheBackground() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ContractApplication.class)
                .web(WebApplicationType.NONE)
                .properties("selftest.junit.packages=" + CHECKS, ContractApplication.ENVIRONMENT)
                .run()) {
            assertThat(context.containsBean(EarlyJUnitDiscovery.BEAN_NAME))
                    .as("started by the initializer in META-INF/spring.factories").isTrue();
            assertThat(context.getBean(Selftest.class).scenarios()).extracting(Scenario::id)
                    .contains(CHECKS + ".CatalogueChecks", CHECKS + ".more.OrderChecks");
        }
    }

    @Test
    void aFailedBackgroundDiscoveryFailsStartupSayingWhy() {
        runner.withInitializer(new EarlyJUnitDiscovery())
                .withPropertyValues("selftest.junit.packages=" + NO_TESTS).run(context -> assertThat(
                        context).hasFailed().getFailure().rootCause().hasMessageContaining("hold no JUnit test class"));
    }

    @Test
    void aBadSettingStopsStartupNamingIt() {
        runner.withInitializer(new EarlyJUnitDiscovery())
                .withPropertyValues("selftest.junit.packages=" + CHECKS, "selftest.junit.granularity=sometimes")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("selftest.junit.granularity"));
    }

    @Test
    void noBackgroundDiscoveryWhenSelftestIsOffOrNoPackageIsNamed() {
        runner.withInitializer(new EarlyJUnitDiscovery()).withPropertyValues("selftest.enabled=false",
                "selftest.junit.packages=" + CHECKS).run(context -> assertThat(context)
                .doesNotHaveBean(EarlyJUnitDiscovery.BEAN_NAME).doesNotHaveBean("selftest"));
        runner.withInitializer(new EarlyJUnitDiscovery()).run(context -> assertThat(context)
                .doesNotHaveBean(EarlyJUnitDiscovery.BEAN_NAME).hasBean("selftest"));
    }

    @Test
    void withoutPackagesNoTestsAreBridged() {
        runner.run(context -> assertThat(context).hasBean("selftest").doesNotHaveBean("selftestJUnitScenarios"));
    }

    @Test
    void packagesWithoutTestClassesFailStartupSayingSo() {
        runner.withPropertyValues("selftest.junit.packages=" + NO_TESTS).run(context -> assertThat(
                context).hasFailed().getFailure().rootCause().hasMessageContaining("hold no JUnit test class"));
    }

    @Test
    void withoutTheBridgeNothingIsBridged() {
        runner.withClassLoader(new FilteredClassLoader("dev.selftest.junit"))
                .withPropertyValues("selftest.junit.packages=" + CHECKS)
                .run(context -> assertThat(context).hasBean("selftest").doesNotHaveBean("selftestJUnitScenarios"));
    }
}
