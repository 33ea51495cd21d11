package dev.selftest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What to run: scenario ids and/or a tag expression (both empty: every scenario the environment allows), why, and
 * labels such as the commit or pipeline id.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunRequest(List<String> scenarioIds, @Nullable String tags, Trigger trigger,
                         Map<String, String> labels) {
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final int MAX_LABELS = 32;
    private static final int MAX_LABEL_VALUE = 256;

    public RunRequest {
        scenarioIds = List.copyOf(scenarioIds);
        labels = Map.copyOf(labels);
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException("at most " + MAX_LABELS + " labels, got " + labels.size());
        }
        labels.forEach((key, value) -> {
            if (!LABEL_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("label key '" + key
                        + "' is invalid: use letters, digits, '.', '_' and '-' (at most 63 characters)");
            }
            if (value.length() > MAX_LABEL_VALUE) {
                throw new IllegalArgumentException("label '" + key + "' is longer than " + MAX_LABEL_VALUE
                        + " characters");
            }
        });
    }

    public Optional<String> tagExpression() {
        return Optional.ofNullable(tags).filter(t -> !t.isBlank());
    }

    /** Every allowed scenario, triggered manually. */
    public static RunRequest all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RunRequest}. */
    public static final class Builder {
        private List<String> scenarioIds = List.of();
        private @Nullable String tags;
        private Trigger trigger = Trigger.MANUAL;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder scenarios(String... ids) {
            this.scenarioIds = List.of(ids);
            return this;
        }

        public Builder scenarios(List<String> ids) {
            this.scenarioIds = List.copyOf(ids);
            return this;
        }

        public Builder tags(@Nullable String expression) {
            this.tags = expression;
            return this;
        }

        public Builder trigger(Trigger trigger) {
            this.trigger = trigger;
            return this;
        }

        public Builder label(String key, String value) {
            this.labels.put(key, value);
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            this.labels.putAll(labels);
            return this;
        }

        public RunRequest build() {
            return new RunRequest(scenarioIds, tags, trigger, labels);
        }
    }
}
