package dev.selftest.junit;

import dev.selftest.Scenario;
import dev.selftest.junit.internal.Discovery;
import dev.selftest.junit.internal.Selection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Discovers JUnit Jupiter tests on the application's classpath and offers them as Selftest scenarios that run the
 * tests in-process through the application's own JUnit Platform Launcher (JUnit 5.14 or 6).
 *
 * <pre>{@code
 * Selftest selftest = Selftest.builder()
 *         .scenarios(JUnitScenarios.builder()
 *                 .packages("com.example.shop.checks")
 *                 .tags("!slow")
 *                 .targetUrl(() -> URI.create("http://localhost:" + port))
 *                 .discover())
 *         .build();
 * }</pre>
 *
 * <p>A scenario is a top-level test class ({@link Granularity#CLASS}, the default) or a test method
 * ({@link Granularity#METHOD}). Its id is the class name ({@code com.example.shop.checks.CatalogueChecks}) or the
 * class name, {@code #} and the method name; its description the {@code @DisplayName}; its tags the JUnit tags of
 * the class and its tests; its safety comes from the {@link SafetyTags} and is {@code DESTRUCTIVE} when none is
 * given. Each test, dynamic test and parameterized invocation becomes a step of the scenario's result, and so does
 * each {@code TestReporter} entry.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JUnitScenarios {
    private JUnitScenarios() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Says which tests to offer and how; {@link #discover()} finds them. */
    public static final class Builder {
        private final List<String> packages = new ArrayList<>();
        private final List<Class<?>> classes = new ArrayList<>();
        private @Nullable String tags;
        private Granularity granularity = Granularity.CLASS;
        private Duration timeout = Scenario.DEFAULT_TIMEOUT;
        private @Nullable Supplier<URI> targetUrl;

        private Builder() {
        }

        /** Offers the test classes in these packages and their sub-packages. */
        public Builder packages(String... packages) {
            this.packages.addAll(List.of(packages));
            return this;
        }

        /**
         * Offers these test classes. Select classes rather than packages where JUnit cannot scan the classpath, such
         * as inside a Spring Boot executable jar.
         */
        public Builder classes(Class<?>... classes) {
            this.classes.addAll(List.of(classes));
            return this;
        }

        /** Offers only the tests matching this JUnit tag expression, such as {@code smoke & !slow}. */
        public Builder tags(String tagExpression) {
            this.tags = Objects.requireNonNull(tagExpression, "tag expression");
            return this;
        }

        /** One scenario per class (the default) or per method. */
        public Builder granularity(Granularity granularity) {
            this.granularity = Objects.requireNonNull(granularity, "granularity");
            return this;
        }

        /** The timeout of each scenario (default 30 s); the running tests are stopped when it passes. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * The base URL of the service the tests exercise, asked for at every run (so a port known only after start is
         * fine). Without it tests read {@value SelftestContext#TARGET_URL} from the service's configuration.
         */
        public Builder targetUrl(Supplier<URI> targetUrl) {
            this.targetUrl = Objects.requireNonNull(targetUrl, "target URL");
            return this;
        }

        /**
         * Discovers the selected tests now and returns their scenarios, in discovery order.
         *
         * @throws IllegalArgumentException when nothing is selected or the tag expression is invalid
         */
        public List<Scenario> discover() {
            return Discovery.scenarios(new Selection(packages, classes, tags, granularity, timeout, targetUrl));
        }
    }
}
