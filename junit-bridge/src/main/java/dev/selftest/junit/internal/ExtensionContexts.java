package dev.selftest.junit.internal;

import dev.selftest.ConfigSource;
import dev.selftest.Environment;
import dev.selftest.ScenarioContext;
import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.junit.SelftestContext;
import java.lang.reflect.Method;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Finds the {@link SelftestContext} of a test: the live run's when a Selftest run executes it, else its own. */
public final class ExtensionContexts {
    /** The environment a test runs in when JUnit runs it on its own, unless {@code selftest.environment} says. */
    public static final String STANDALONE_ENVIRONMENT = "ci";

    private static final String ENVIRONMENT_KEY = "selftest.environment";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            ExtensionContexts.class);
    private static final String RUN_ID = "run-id";
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExtensionContexts() {
    }

    /**
     * The context for a test parameter. Standalone contexts live in the JUnit scope they were first asked for in
     * (the test method, or the class for {@code @BeforeAll}) and run their cleanup when JUnit closes it; they
     * remove tracked resources with {@code handlers}.
     */
    public static SelftestContext resolve(ExtensionContext extension, Map<String, CleanupHandler> handlers) {
        ConfigSource config = configOf(extension);
        Optional<ScenarioContext> live = ScenarioContext.current();
        if (live.isPresent()) {
            return new LiveContext(live.get(), config);
        }
        ExtensionContext.Store store = extension.getStore(NAMESPACE);
        String key = extension.getUniqueId();
        StandaloneContext existing = store.get(key, StandaloneContext.class);
        if (existing != null) {
            return existing;
        }
        Environment environment = Environment.of(config.value(ENVIRONMENT_KEY).orElse(STANDALONE_ENVIRONMENT),
                config);
        StandaloneContext created = new StandaloneContext(runId(extension.getRoot()), scenarioId(extension),
                environment, config, handlers, extension::publishReportEntry);
        store.put(key, created);
        return created;
    }

    /** JUnit configuration parameters (which fall back to system properties), then environment variables. */
    private static ConfigSource configOf(ExtensionContext extension) {
        ConfigSource parameters = key -> extension.getConfigurationParameter(key).filter(v -> !v.isBlank());
        return parameters.or(ConfigSource.environmentVariables(System.getenv()));
    }

    /** One run id per JUnit execution, in the format of Selftest's run ids. */
    private static String runId(ExtensionContext root) {
        ExtensionContext.Store store = root.getStore(NAMESPACE);
        synchronized (store) {
            String id = store.get(RUN_ID, String.class);
            if (id == null) {
                byte[] suffix = new byte[3];
                RANDOM.nextBytes(suffix);
                id = RUN_ID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix);
                store.put(RUN_ID, id);
            }
            return id;
        }
    }

    private static String scenarioId(ExtensionContext extension) {
        String type = extension.getTestClass().map(Class::getName).orElse(extension.getUniqueId());
        return type + extension.getTestMethod().map(Method::getName).map(name -> "#" + name).orElse("");
    }
}
