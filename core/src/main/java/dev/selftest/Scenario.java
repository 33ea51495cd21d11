package dev.selftest;

import dev.selftest.internal.select.Tags;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One named functional check: a body that exercises the application, with a safety level, tags and a timeout.
 *
 * <pre>{@code
 * Scenario.builder("catalogue.lists-products")
 *         .description("The catalogue lists at least one product")
 *         .tags("smoke")
 *         .safety(Safety.READ_ONLY)
 *         .body(context -> assertThat(catalogue.products()).isNotEmpty())
 *         .build();
 * }</pre>
 *
 * @param id          unique, stable and readable: letters, digits and {@code . _ - # : $ /}
 * @param description one sentence for people reading reports
 * @param tags        JUnit-style tags used to select scenarios ({@code smoke}, {@code critical}, ...)
 * @param safety      what running it does to the application
 * @param timeout     how long the body may take before it is interrupted and reported {@code TIMED_OUT}
 * @param source      where it comes from ({@code code}, or {@code junit:<class>} for bridged tests)
 * @param body        the code
 * @param data        the per-environment test data keys it reads ({@link Environment#value}); listed by the API so
 *                    that a pipeline can see what is missing before a gate runs
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Scenario(String id, String description, Set<String> tags, Safety safety, Duration timeout,
                       String source, ScenarioBody body, Set<String> data) {

    /** The timeout of a scenario that declares none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._#:$/-]{0,199}");
    private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    public Scenario {
        Objects.requireNonNull(id, "scenario id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("scenario id '" + id + "' is invalid: start with a letter or digit, "
                    + "then use letters, digits and . _ - # : $ / (at most 200 characters)");
        }
        Objects.requireNonNull(description, () -> "description of scenario '" + id + "'");
        Objects.requireNonNull(safety, () -> "safety of scenario '" + id + "'");
        Objects.requireNonNull(timeout, () -> "timeout of scenario '" + id + "'");
        Objects.requireNonNull(source, () -> "source of scenario '" + id + "'");
        Objects.requireNonNull(body, () -> "body of scenario '" + id + "'");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout of scenario '" + id + "' must be positive and at most "
                    + "1 hour, was " + timeout);
        }
        for (String tag : tags) {
            Tags.requireValid(tag, "scenario '" + id + "'");
        }
        tags = Set.copyOf(new LinkedHashSet<>(tags));
        data = Set.copyOf(data);
    }

    /** A scenario that reads no per-environment test data. */
    public Scenario(String id, String description, Set<String> tags, Safety safety, Duration timeout, String source,
                    ScenarioBody body) {
        this(id, description, tags, safety, timeout, source, body, Set.of());
    }

    /** Starts a scenario definition. {@link Builder#safety} and {@link Builder#body} are required. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** Builds a {@link Scenario}; every setter validates when {@link #build()} is called. */
    public static final class Builder {
        private final String id;
        private String description = "";
        private final Set<String> tags = new LinkedHashSet<>();
        private @Nullable Safety safety;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String source = "code";
        private @Nullable ScenarioBody body;
        private final Set<String> data = new LinkedHashSet<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags.addAll(Set.of(tags));
            return this;
        }

        public Builder tags(Set<String> tags) {
            this.tags.addAll(tags);
            return this;
        }

        public Builder safety(Safety safety) {
            this.safety = safety;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Declares the per-environment test data keys the body reads, such as {@code account-email}. */
        public Builder requires(String... dataKeys) {
            this.data.addAll(Set.of(dataKeys));
            return this;
        }

        public Builder body(ScenarioBody body) {
            this.body = body;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the scenario and what is wrong with it
         */
        public Scenario build() {
            if (safety == null) {
                throw new IllegalArgumentException("scenario '" + id
                        + "' has no safety: say READ_ONLY, SELF_CLEANING or DESTRUCTIVE");
            }
            if (body == null) {
                throw new IllegalArgumentException("scenario '" + id + "' has no body");
            }
            return new Scenario(id, description, tags, safety, timeout, source, body, data);
        }
    }
}
