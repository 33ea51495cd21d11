package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.api.ApiRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataTests {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    Path dataDir;

    @Test
    void dataComesFromConfigThenTheDataDirectoryThenTheClasspath() throws Exception {
        Files.writeString(dataDir.resolve("staging.properties"), "account=file@example.com\nlimit=5\n");
        Environment staging = Environment.of("staging", ConfigSource.of(Map.of(
                "selftest.data.staging.account", "config@example.com", Environment.DATA_DIR, dataDir.toString())));
        assertThat(staging.value("account")).isEqualTo("config@example.com");
        assertThat(staging.value("limit")).isEqualTo("5");
        assertThat(staging.value("catalogue-url")).isEqualTo("http://catalogue.staging.example");
        assertThat(staging.has("nothing")).isFalse();
        assertThat(Environment.of("dev", ConfigSource.of(Map.of())).find("catalogue-url")).isEmpty();
    }

    /** The classpath file is read on first use, from the class loader current when the environment was made. */
    @Test
    void classpathDataComesFromTheLoaderCurrentAtCreation() throws Exception {
        Files.createDirectories(dataDir.resolve("selftest-data"));
        Files.writeString(dataDir.resolve("selftest-data/qa.properties"), "region=eu-west\n");
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        Environment qa;
        try (URLClassLoader application = new URLClassLoader(new URL[] {dataDir.toUri().toURL()}, original)) {
            thread.setContextClassLoader(application);
            try {
                qa = Environment.of("qa", ConfigSource.of(Map.of()));
            } finally {
                thread.setContextClassLoader(original);
            }
            assertThat(qa.find("region")).as("looked up where the file is not on the classpath").contains("eu-west");
        }
        assertThat(Environment.of("qa", ConfigSource.of(Map.of())).find("region")).isEmpty();
    }

    @Test
    void secretsNeverReachAReport() throws Exception {
        try (Selftest selftest = Scenarios.selftest().environment("staging")
                .setting("selftest.data.staging.password", "hunter2-secret")
                .setting("selftest.data.staging.pin", "424242")
                .setting("selftest.report.stack-traces", "true")
                .scenario(Scenario.builder("login").safety(Safety.READ_ONLY).requires("password", "pin")
                        .body(context -> {
                            String password = context.environment().value("password");
                            String pin = context.environment().secret("pin");
                            context.step("log in with " + "the account", () -> {
                                throw new AssertionError("login refused for password " + password + " and pin " + pin);
                            });
                        }).build())
                .build()) {
            Run run = selftest.run(RunRequest.all(), WAIT);
            ScenarioResult result = run.results().get(0);
            assertThat(result.failure().message()).isEqualTo("login refused for password **** and pin ****");
            assertThat(result.failure().stackTrace()).doesNotContain("hunter2-secret", "424242");
            assertThat(result.steps().get(0).message()).doesNotContain("hunter2-secret", "424242");

            String json = selftest.controlApi().handle(ApiRequest.of("GET", "/selftest", "/runs/" + run.id(), Map.of(),
                    name -> Optional.empty())).bodyText();
            assertThat(json).doesNotContain("hunter2-secret", "424242");
        }
    }

    @Test
    void theApiListsDeclaredKeysAndWhatIsMissingWithoutValues() throws Exception {
        try (Selftest selftest = Scenarios.selftest().environment("staging").token("t")
                .setting("selftest.data.staging.account", "qa@example.com")
                .scenario(Scenario.builder("checkout").safety(Safety.READ_ONLY).requires("account", "card-number")
                        .body(c -> { }).build())
                .build()) {
            JsonNode index = get(selftest, "");
            assertThat(index.path("testData").path("complete").asBoolean()).isFalse();
            assertThat(index.path("testData").path("missing")).singleElement().satisfies(missing -> {
                assertThat(missing.path("scenario").asText()).isEqualTo("checkout");
                assertThat(missing.path("key").asText()).isEqualTo("card-number");
                assertThat(missing.path("configKey").asText()).isEqualTo("selftest.data.staging.card-number");
            });
            JsonNode data = get(selftest, "/scenarios").path("scenarios").get(0).path("data");
            assertThat(data.findValuesAsText("key")).containsExactly("account", "card-number");
            assertThat(data.get(0).path("configured").asBoolean()).isTrue();
            assertThat(data.get(1).path("configured").asBoolean()).isFalse();
            assertThat(index.toString() + data).doesNotContain("qa@example.com");
        }
    }

    @Test
    void aFixtureIsAStepAndIsTornDownWithTheScenario() throws Exception {
        Set<String> customers = ConcurrentHashMap.newKeySet();
        Fixture<String> customerWithCart = Fixture.of("customer with a cart", context -> {
            String customer = context.testDataName("customer");
            customers.add(customer);
            context.cleanup("delete " + customer, () -> customers.remove(customer));
            return customer;
        });
        try (Selftest selftest = Scenarios.selftest()
                .scenario(Scenarios.readOnly("uses-fixture", context -> {
                    String customer = context.use(customerWithCart);
                    assertThat(customers).contains(customer);
                })).build()) {
            Run run = selftest.run(RunRequest.all(), WAIT);
            assertThat(run.passed()).isTrue();
            assertThat(run.results().get(0).steps()).extracting(StepResult::name)
                    .containsExactly("fixture customer with a cart");
            assertThat(run.results().get(0).cleanup()).hasSize(1);
        }
        assertThat(customers).isEmpty();
    }

    private static JsonNode get(Selftest selftest, String path) throws Exception {
        return new ObjectMapper().readTree(selftest.controlApi().handle(ApiRequest.of("GET", "/selftest", path,
                Map.of(), name -> name.equals("Authorization") ? Optional.of("Bearer t") : Optional.empty()))
                .bodyText());
    }

}
