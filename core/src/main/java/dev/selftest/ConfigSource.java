package dev.selftest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where Selftest reads its {@code selftest.*} settings from. Frameworks adapt their own configuration to this.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ConfigSource {

    /** The value of a dotted key such as {@code selftest.token}, if set. */
    Optional<String> value(String key);

    /** JVM system properties first, then environment variables ({@code selftest.token} as {@code SELFTEST_TOKEN}). */
    static ConfigSource systemAndEnvironment() {
        return of(System.getProperties()).or(environmentVariables(System.getenv()));
    }

    /**
     * Reads keys from environment-style variables: {@code selftest.data.staging.account-email} is looked up as
     * {@code SELFTEST_DATA_STAGING_ACCOUNT_EMAIL}.
     */
    static ConfigSource environmentVariables(Map<String, String> variables) {
        return key -> Optional.ofNullable(variables.get(environmentVariableName(key)));
    }

    /** The environment variable name for a dotted key. */
    static String environmentVariableName(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Reads keys from a map (such as {@link java.util.Properties}); blank values count as unset. */
    static ConfigSource of(Map<?, ?> values) {
        return key -> Optional.ofNullable(values.get(key)).map(Object::toString).filter(v -> !v.isBlank());
    }

    /** This source, then {@code fallback} for the keys this one does not set. */
    default ConfigSource or(ConfigSource fallback) {
        return key -> {
            Optional<String> own = value(key);
            return own.isPresent() ? own : fallback.value(key);
        };
    }
}
