package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.ConfigSource;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.Sweeper;
import dev.selftest.internal.config.MonitoringSettings;
import dev.selftest.internal.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.selftest.Run;
import dev.selftest.Trigger;
import dev.selftest.health.Health;
import dev.selftest.health.HealthCheckResult;
import dev.selftest.health.HealthKind;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.cleanup.JournalEntry;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SelftestAutoConfigurationTests {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SelftestAutoConfiguration.class));

    @TempDir
    Path tempDir;

    private static String journalIn(Path directory) {
        return "selftest.cleanup.journal-dir=" + directory;
    }

    @Test
    void scenarioBeansAreRegisteredWithCore() {
        runner.withUserConfiguration(Scenarios.class).run(context -> {
            Selftest selftest = context.getBean(Selftest.class);
            assertThat(selftest.scenarios()).extracting(Scenario::id).containsExactly("catalogue.lists", "orders.reset");
        });
    }

    @Test
    void enabledFalseRemovesSelftest() {
        runner.withUserConfiguration(Scenarios.class).withPropertyValues("selftest.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Selftest.class)
                        .doesNotHaveBean(SelftestProperties.class));
    }

    @Test
    void applicationsOwnSelftestWins() {
        runner.withUserConfiguration(OwnSelftest.class).run(context -> {
            assertThat(context).hasSingleBean(Selftest.class);
            assertThat(context.getBean(Selftest.class).environment().name()).isEqualTo("own");
        });
    }

    @Test
    void settingsAndTestDataAreReadFromSpringProperties() {
        runner.withUserConfiguration(Scenarios.class)
                .withPropertyValues("selftest.environment=staging", "selftest.data.staging.account=shop@example.com")
                .run(context -> {
                    Selftest selftest = context.getBean(Selftest.class);
                    assertThat(selftest.environment().name()).isEqualTo("staging");
                    assertThat(selftest.environment().value("account")).isEqualTo("shop@example.com");
                });
    }

    @Test
    void testDataDirectorySitsBesideTestDataValues() throws Exception {
        Files.writeString(tempDir.resolve("staging.properties"), "account=file@example.com\nurl=https://staging\n");
        runner.withPropertyValues("selftest.environment=staging", "selftest.data.dir=" + tempDir,
                        "selftest.data.staging.account=property@example.com")
                .run(context -> {
                    dev.selftest.Environment environment = context.getBean(Selftest.class).environment();
                    assertThat(environment.value("account")).isEqualTo("property@example.com");
                    assertThat(environment.value("url")).isEqualTo("https://staging");
                });
    }

    @Test
    void providerStateBeansAreServed() {
        runner.withPropertyValues("selftest.token=t").withBean(ProviderStateRegistration.class,
                        () -> new ProviderStateRegistration("an order exists", (params, context) -> Map.of("id", 42)))
                .run(context -> {
                    var response = context.getBean(Selftest.class).controlApi().handle(new dev.selftest.api.ApiRequest(
                            "POST", "/selftest", "/provider-states", Map.of(), name -> switch (name) {
                                case "Authorization" -> Optional.of("Bearer t");
                                case "Content-Type" -> Optional.of("application/json");
                                default -> Optional.empty();
                            }, new java.io.ByteArrayInputStream(
                            "{\"state\":\"an order exists\",\"action\":\"setup\"}".getBytes()), null));
                    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
                    assertThat(response.bodyText()).contains("42");
                });
    }

    @Test
    void environmentVariablesSetKeysThroughRelaxedBinding() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource("test-environment", Map.of(
                                "SELFTEST_ENVIRONMENT", "ci", "SELFTEST_DATA_CI_ACCOUNT_EMAIL", "ci@example.com"))))
                .run(context -> {
                    Selftest selftest = context.getBean(Selftest.class);
                    assertThat(selftest.environment().name()).isEqualTo("ci");
                    assertThat(selftest.environment().value("account-email")).isEqualTo("ci@example.com");
                });
    }

    @Test
    void listValuedKeysReadLikeTheirCommaSeparatedForm() {
        runner.withUserConfiguration(Scenarios.class).withPropertyValues("selftest.environment=live",
                        "selftest.safety.production-environments[0]=live",
                        "selftest.safety.production-environments[1]=prod")
                .run(context -> assertThatThrownBy(() -> context.getBean(Selftest.class)
                        .start(RunRequest.builder().scenarios("orders.reset").build()))
                        .isInstanceOfSatisfying(RunRejectedException.class, e -> assertThat(e.refusedScenarios())
                                .containsKey("orders.reset")));
    }

    @Test
    void invalidSettingFailsStartupNamingTheKey() {
        runner.withPropertyValues("selftest.runner.pool-size=0").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("selftest.runner.pool-size"));
    }

    @Test
    void unparseableSettingFailsStartupNamingTheKey() {
        runner.withPropertyValues("selftest.history.size=many").run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("selftest.history.size"));
    }

    @Test
    void duplicateScenarioIdsFailStartup() {
        runner.withUserConfiguration(Scenarios.class, DuplicateScenario.class).run(context -> assertThat(context)
                .hasFailed().getFailure().rootCause().hasMessageContaining("duplicate scenario id 'catalogue.lists'"));
    }

    @Test
    void applicationsMeterRegistryIsUsed() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> assertThat(
                context.getBean(Selftest.class).meterRegistry()).isSameAs(context.getBean(MeterRegistry.class)));
    }

    @Test
    void safetyPolicyBeansRefuseScenarios() {
        runner.withUserConfiguration(Scenarios.class)
                .withBean(dev.selftest.SafetyPolicy.class, () -> (scenario, environment) ->
                        Optional.of("frozen for the release"))
                .run(context -> assertThatThrownBy(() -> context.getBean(Selftest.class)
                        .start(RunRequest.builder().scenarios("catalogue.lists").build()))
                        .isInstanceOfSatisfying(RunRejectedException.class, e -> assertThat(e.refusedScenarios())
                                .containsEntry("catalogue.lists", "frozen for the release")));
    }

    @Test
    void sweeperBeansRunOnSweep() {
        runner.withPropertyValues(journalIn(tempDir)).withBean(Sweeper.class, () -> Sweeper.of("orders", context -> 3))
                .run(context -> assertThat(context.getBean(Selftest.class).cleanUp().sweepers()).singleElement()
                        .satisfies(result -> assertThat(result.removed()).isEqualTo(3)));
    }

    @Test
    void trackedResourcesAreRemovedByTheirCleanupHandlerBean() {
        List<String> removed = new CopyOnWriteArrayList<>();
        runner.withPropertyValues(journalIn(tempDir))
                .withBean(CleanupHandlerRegistration.class, () -> new CleanupHandlerRegistration("order", removed::add))
                .withBean(Scenario.class, () -> Scenario.builder("orders.tracked").safety(Safety.SELF_CLEANING)
                        .body(context -> context.track("order", "42")).build())
                .run(context -> {
                    Run run = context.getBean(Selftest.class).run(RunRequest.all(), Duration.ofSeconds(10));
                    assertThat(run.passed()).isTrue();
                    assertThat(removed).containsExactly("42");
                    assertThat(Files.readString(tempDir.resolve("cleanup.journal"))).contains("42");
                });
    }

    @Test
    void jdbcJournalKeepsIntentsInTheApplicationsDatabase() {
        runner.withPropertyValues("selftest.cleanup.journal=jdbc")
                .withBean(DataSource.class, () -> {
                    JdbcDataSource dataSource = new JdbcDataSource();
                    dataSource.setURL("jdbc:h2:mem:journal-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
                    return dataSource;
                })
                .withBean(CleanupHandlerRegistration.class, () -> new CleanupHandlerRegistration("order", id -> { }))
                .run(context -> {
                    assertThat(context).hasSingleBean(CleanupJournal.class);
                    CleanupJournal journal = context.getBean(CleanupJournal.class);
                    assertThat(journal.pending()).isEmpty();
                    assertThat(context.getBean(Selftest.class).cleanUp().clean()).isTrue();
                });
    }

    @Test
    void healthCheckBeansAreRegisteredByTheirKind() {
        runner.withUserConfiguration(HealthChecks.class).withPropertyValues("selftest.health.ttl=100ms")
                .run(context -> {
                    Health health = context.getBean(Selftest.class).health();
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                        assertThat(health.report(HealthKind.READINESS).checks()).extracting(HealthCheckResult::name)
                                .containsExactly("database");
                        assertThat(health.report(HealthKind.LIVENESS).checks()).extracting(HealthCheckResult::name)
                                .containsExactly("heap");
                        assertThat(health.report(HealthKind.READINESS).checks().get(0).checkedAt()).isNotNull();
                    });
                    assertThat(health.report(HealthKind.READINESS).isUp()).isTrue();
                });
    }

    @Test
    void backgroundWorkStartsOnlyOnceTheApplicationIsReady() throws Exception {
        Set<String> orders = ConcurrentHashMap.newKeySet();
        orders.add("42");
        CleanupJournal.file(tempDir).record(new JournalEntry("e-1", "order", "42", "20260101-000000-aaaaaa",
                "orders.place", Instant.parse("2026-01-01T00:00:00Z")));
        runner.withBean(Scenario.class, () -> Scenario.builder("catalogue.smoke").tags("smoke")
                        .safety(Safety.READ_ONLY).body(context -> { }).build())
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(CleanupJournal.class, () -> CleanupJournal.file(tempDir))
                .withBean(CleanupHandlerRegistration.class, () -> new CleanupHandlerRegistration("order", orders::remove))
                .withPropertyValues("selftest.schedule.enabled=true", "selftest.schedule.interval=1s",
                        "selftest.schedule.jitter=0s", "selftest.schedule.initial-delay=0s")
                .run(context -> {
                    Selftest selftest = context.getBean(Selftest.class);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    Thread.sleep(300);
                    assertThat(selftest.runs()).as("no scheduled run before the application is ready").isEmpty();
                    assertThat(orders).as("the journal not replayed yet").contains("42");
                    assertThat(registry.find("selftest.runs").meters()).as("no meter registered yet").isEmpty();

                    context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
                            (ConfigurableApplicationContext) context.getSourceApplicationContext(), Duration.ZERO));

                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(selftest.runs())
                            .isNotEmpty().allSatisfy(run -> assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULE)));
                    await().atMost(Duration.ofSeconds(10)).until(orders::isEmpty);
                    assertThat(registry.find("selftest.runs").meters()).isNotEmpty();
                });
    }

    @Test
    void builderCustomizersRunBeforeBuild() {
        runner.withBean(SelftestBuilderCustomizer.class, () -> builder -> builder.environment("custom"))
                .run(context -> assertThat(context.getBean(Selftest.class).environment().name()).isEqualTo("custom"));
    }

    @Test
    void propertyDefaultsAreCoresDefaults() {
        SelftestProperties properties = Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("selftest", SelftestProperties.class);
        Settings core = Settings.from(ConfigSource.of(Map.of()));
        assertThat(properties.environment()).isEqualTo(core.environment());
        assertThat(properties.basePath()).isEqualTo(core.basePath());
        assertThat(properties.runner().poolSize()).isEqualTo(core.poolSize());
        assertThat(properties.runner().maxConcurrentRuns()).isEqualTo(core.maxConcurrentRuns());
        assertThat(properties.runner().interruptGrace()).isEqualTo(core.interruptGrace());
        assertThat(properties.runner().shutdownGrace()).isEqualTo(core.shutdownGrace());
        assertThat(properties.cleanup().timeout()).isEqualTo(core.cleanupTimeout());
        assertThat(properties.api().maxWait()).isEqualTo(core.maxWait());
        assertThat(properties.history().size()).isEqualTo(core.historySize());
        assertThat(properties.history().statsWindow()).isEqualTo(core.statsWindow());
        assertThat(Set.copyOf(properties.safety().productionEnvironments())).isEqualTo(core.productionEnvironments());
        assertThat(properties.report().stackTraces()).isEqualTo(core.stackTraces());
        assertThat(properties.server().maxRequestBytes()).isEqualTo(core.maxRequestBytes());
        assertThat(properties.runner().maxRunsPerMinute()).isEqualTo(core.maxRunsPerMinute());
        assertThat(properties.cleanup().journalDir()).isEqualTo(core.journalDirectory());
        assertThat(properties.cleanup().retryInterval()).isEqualTo(core.cleanupRetryInterval());
        assertThat(properties.cleanup().sweepInterval()).isEqualTo(core.sweepInterval());
        MonitoringSettings monitoring = MonitoringSettings.from(ConfigSource.of(Map.of()));
        assertThat(properties.health().ttl()).isEqualTo(monitoring.healthTtl());
        assertThat(properties.health().timeout()).isEqualTo(monitoring.healthTimeout());
        assertThat(properties.health().failureAttempts()).isEqualTo(monitoring.failureAttempts());
        assertThat(properties.health().successAttempts()).isEqualTo(monitoring.successAttempts());
        assertThat(properties.health().showDetails()).isEqualToIgnoringCase(monitoring.details().name());
        assertThat(properties.health().readiness().scenarioFailures()).isEqualTo(monitoring.readinessScenarioFailures());
        assertThat(properties.schedule().enabled()).isEqualTo(monitoring.scheduleEnabled());
        assertThat(properties.schedule().interval()).isEqualTo(monitoring.scheduleInterval());
        assertThat(properties.schedule().initialDelay()).isEqualTo(monitoring.scheduleInitialDelay());
        assertThat(properties.schedule().tags()).isEqualTo(monitoring.scheduleTags());
        assertThat(properties.kpi().window()).isEqualTo(monitoring.kpiWindow());
        assertThat(properties.providerStates().timeout()).isEqualTo(core.providerStateTimeout());
        assertThat(properties.providerStates().timeToLive()).isEqualTo(core.providerStateTimeToLive());
        assertThat(properties.providerStates().allowInProduction()).isEqualTo(core.providerStatesInProduction());
    }

    @Test
    void everyCoreSettingHasMetadataWithADescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Map<String, String> descriptions = new java.util.HashMap<>();
        metadata.path("properties").forEach(p -> descriptions.put(p.path("name").asText(),
                p.path("description").asText()));
        Set<String> coreKeys = java.util.stream.Stream.of(Settings.class, MonitoringSettings.class)
                .flatMap(type -> java.util.Arrays.stream(type.getFields()))
                .filter(field -> field.getType() == String.class)
                .map(field -> {
                    try {
                        return (String) field.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).collect(Collectors.toSet());
        assertThat(descriptions).containsKeys(coreKeys.toArray(String[]::new));
        assertThat(descriptions).allSatisfy((key, description) -> assertThat(description).as(key).isNotBlank());
    }

    /** Spring Boot filters and orders auto-configurations from this metadata without reading their class files. */
    @Test
    void everyAutoConfigurationHasItsConditionsInTheAutoConfigurationMetadata() throws Exception {
        Properties metadata = new Properties();
        for (URL file : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
            try (InputStream in = file.openStream()) {
                metadata.load(in);
            }
        }
        List<String> autoConfigurations = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates().stream().filter(name -> name.startsWith("dev.selftest.")).toList();
        assertThat(autoConfigurations).hasSize(5).allSatisfy(name -> assertThat(metadata).containsKey(name));
        assertThat(metadata).containsEntry(SelftestWebAutoConfiguration.class.getName() + ".ConditionalOnBean",
                Selftest.class.getName());
    }

    @Test
    void tokenNeverShowsInToString() {
        SelftestProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("selftest.token", "s3cret")))
                .bindOrCreate("selftest", SelftestProperties.class);
        assertThat(properties.token()).isEqualTo("s3cret");
        assertThat(properties.toString()).doesNotContain("s3cret");
    }

    @Configuration(proxyBeanMethods = false)
    static class Scenarios {
        @Bean
        Scenario catalogue() {
            return Scenario.builder("catalogue.lists").safety(Safety.READ_ONLY).body(context -> { }).build();
        }

        @Bean
        Scenario reset() {
            return Scenario.builder("orders.reset").safety(Safety.DESTRUCTIVE).body(context -> { }).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HealthChecks {
        @Bean
        @Readiness
        HealthCheck database() {
            return () -> HealthCheckResponse.up("database");
        }

        @Bean
        @Liveness
        HealthCheck heap() {
            return () -> HealthCheckResponse.up("heap");
        }

        @Bean
        HealthCheck unqualified() {
            return () -> HealthCheckResponse.up("unqualified");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class DuplicateScenario {
        @Bean
        Scenario again() {
            return Scenario.builder("catalogue.lists").safety(Safety.READ_ONLY).body(context -> { }).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSelftest {
        @Bean
        Selftest selftest() {
            return Selftest.builder().environment("own").build();
        }
    }
}
