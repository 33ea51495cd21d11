package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selftest.Run;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SelftestJUnitAutoConfigurationTests {
    private static final String CHECKS = "dev.selftest.spring.fixtures.checks";
    /** The bridge's internals: classes, but no test class. */
    private static final String NO_TESTS = "dev.selftest.junit.internal";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SelftestJUnitAutoConfiguration.class,
                    SelftestAutoConfiguration.class));

    /** The scenarios, discovered by a run that selects none of them. */
    private static ListAssert<String> discoveredScenarioIds(Selftest selftest) {
        assertThatThrownBy(() -> selftest.start(RunRequest.builder().tags("none-has-this-tag").build()))
                .isInstanceOf(RunRejectedException.class).hasMessageContaining("matches no scenario");
        return assertThat(selftest.scenarios().stream().map(Scenario::id).toList());
    }

    @Test
    void testClassesInThePackagesBecomeScenarios() {
        runner.withPropertyValues("selftest.junit.packages=" + CHECKS).run(context -> {
            Selftest selftest = context.getBean(Selftest.class);
            Run run = selftest.run(RunRequest.builder().scenarios(CHECKS + ".CatalogueChecks").build(),
                    Duration.ofSeconds(30));
            assertThat(run.passed()).as("%s", run).isTrue();
            assertThat(run.results()).singleElement().satisfies(result -> assertThat(result.steps())
                    .extracting(step -> step.name()).anyMatch(name -> name.contains("listsProducts")));

            discoveredScenarioIds(selftest).containsExactly(CHECKS + ".CatalogueChecks", CHECKS + ".more.OrderChecks");
            assertThat(selftest.scenario(CHECKS + ".CatalogueChecks").orElseThrow().safety())
                    .isEqualTo(Safety.READ_ONLY);
            assertThat(selftest.scenario(CHECKS + ".CatalogueChecks").orElseThrow().timeout())
                    .as("selftest.junit.timeout's default").isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void yamlListOfPackagesAndMethodGranularity() {
        runner.withPropertyValues("selftest.junit.packages[0]=" + CHECKS + ".more", "selftest.junit.granularity=method")
                .run(context -> discoveredScenarioIds(context.getBean(Selftest.class))
                        .containsExactly(CHECKS + ".more.OrderChecks#placesOrders"));
    }

    @Test
    void tagExpressionSelectsTests() {
        runner.withPropertyValues("selftest.junit.packages=" + CHECKS, "selftest.junit.tags=orders")
                .run(context -> discoveredScenarioIds(context.getBean(Selftest.class))
                        .containsExactly(CHECKS + ".more.OrderChecks"));
    }

    @Test
    void theChecksAreDiscoveredWhenFirstNeededNotDuringStartup() throws InterruptedException {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ContractApplication.class)
                .web(WebApplicationType.NONE)
                .properties("selftest.junit.packages=" + CHECKS, ContractApplication.ENVIRONMENT)
                .run()) {
            Selftest selftest = context.getBean(Selftest.class);
            assertThat(selftest.scenarios()).extracting(Scenario::id)
                    .noneMatch(id -> id.startsWith(CHECKS));

            Run run = selftest.run(RunRequest.builder().scenarios(CHECKS + ".more.OrderChecks").build(),
                    Duration.ofSeconds(30));

            assertThat(run.scenarioIds()).containsExactly(CHECKS + ".more.OrderChecks");
            assertThat(selftest.scenarios()).extracting(Scenario::id)
                    .contains(CHECKS + ".CatalogueChecks", CHECKS + ".more.OrderChecks");
        }
    }

    @Test
    void packagesWithoutTestClassesRefuseRunsSayingSo() {
        runner.withPropertyValues("selftest.junit.packages=" + NO_TESTS).run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(Selftest.class).start(RunRequest.builder().build()))
                    .isInstanceOfSatisfying(RunRejectedException.class, e -> assertThat(e.reason())
                            .isEqualTo(RunRejectedException.Reason.SCENARIOS_UNAVAILABLE))
                    .hasMessageContaining("hold no JUnit test class");
        });
    }

    @Test
    void aBadSettingStopsStartupNamingIt() {
        runner.withPropertyValues("selftest.junit.packages=" + CHECKS, "selftest.junit.granularity=sometimes")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("selftest.junit.granularity"));
    }

    @Test
    void nothingIsBridgedWhenSelftestIsOff() {
        runner.withPropertyValues("selftest.enabled=false", "selftest.junit.packages=" + CHECKS)
                .run(context -> assertThat(context).doesNotHaveBean("selftestJUnitScenarios")
                        .doesNotHaveBean("selftest"));
    }

    @Test
    void withoutPackagesNoTestsAreBridged() {
        runner.run(context -> assertThat(context).hasBean("selftest").doesNotHaveBean("selftestJUnitScenarios"));
    }

    @Test
    void blankPackagesBridgeNothing() {
        runner.withPropertyValues("selftest.junit.packages= , ")
                .run(context -> assertThat(context).hasBean("selftest").doesNotHaveBean("selftestJUnitScenarios"));
    }

    @Test
    void packagesFromAnEnvironmentVariable() {
        Map<String, Object> variables = Map.of("SELFTEST_JUNIT_PACKAGES", CHECKS + ".more");
        runner.withInitializer(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource("variables", variables)))
                .run(context -> discoveredScenarioIds(context.getBean(Selftest.class))
                        .containsExactly(CHECKS + ".more.OrderChecks"));
    }

    @Test
    void withoutTheBridgeNothingIsBridged() {
        runner.withClassLoader(new FilteredClassLoader("dev.selftest.junit"))
                .withPropertyValues("selftest.junit.packages=" + CHECKS)
                .run(context -> assertThat(context).hasBean("selftest").doesNotHaveBean("selftestJUnitScenarios"));
    }
}
