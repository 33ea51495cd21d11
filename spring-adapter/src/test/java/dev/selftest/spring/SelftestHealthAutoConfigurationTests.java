package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SelftestHealthAutoConfigurationTests {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SelftestAutoConfiguration.class,
                    SelftestHealthAutoConfiguration.class));

    @Test
    void contributorHasLivenessReadinessAndStartup() {
        runner.run(context -> {
            CompositeHealthContributor selftest = contributor(context);
            assertThat(selftest.stream()).extracting(child -> child.name())
                    .containsExactlyInAnyOrder("liveness", "readiness", "startup");
            assertThat(indicator(selftest, "liveness").health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void scenarioFailuresTurnReadinessDownButNeverLiveness() {
        runner.withPropertyValues("selftest.health.readiness.scenario-tags=critical",
                        "selftest.health.readiness.scenario-failures=1", "selftest.health.ttl=100ms")
                .withBean(Scenario.class, () -> Scenario.builder("checkout.works").tags("critical")
                        .safety(Safety.READ_ONLY).body(context -> {
                            throw new AssertionError("checkout is broken");
                        }).build())
                .run(context -> {
                    context.getBean(Selftest.class).run(RunRequest.all(), Duration.ofSeconds(10));
                    CompositeHealthContributor selftest = contributor(context);
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            indicator(selftest, "readiness").health().getStatus()).isEqualTo(Status.DOWN));
                    assertThat(indicator(selftest, "readiness").health().getDetails()).containsKey("selftest-scenarios");
                    assertThat(indicator(selftest, "liveness").health().getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void managementHealthSelftestEnabledFalseRemovesTheContributor() {
        runner.withPropertyValues("management.health.selftest.enabled=false").run(context -> assertThat(context)
                .hasBean("selftest").doesNotHaveBean(SelftestHealthAutoConfiguration.CONTRIBUTOR));
    }

    @Test
    void withoutSpringBootHealthNoContributorIsAdded() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run(context -> assertThat(
                context).hasBean("selftest").doesNotHaveBean(SelftestHealthAutoConfiguration.CONTRIBUTOR));
    }

    @Test
    void enabledFalseAddsNoContributor() {
        runner.withPropertyValues("selftest.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(SelftestHealthAutoConfiguration.CONTRIBUTOR));
    }

    private static CompositeHealthContributor contributor(org.springframework.context.ApplicationContext context) {
        return context.getBean(SelftestHealthAutoConfiguration.CONTRIBUTOR, CompositeHealthContributor.class);
    }

    private static HealthIndicator indicator(CompositeHealthContributor selftest, String kind) {
        return (HealthIndicator) selftest.getContributor(kind);
    }
}
