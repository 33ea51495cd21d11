package dev.selftest;

import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The named stage the application runs in ({@code dev}, {@code ci}, {@code staging}, {@code production}, ...) and
 * its per-environment test data, read from {@code selftest.data.<environment>.<key>}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Environment {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final String name;
    private final ConfigSource config;

    private Environment(String name, ConfigSource config) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name '" + name
                    + "' is invalid: use lower-case letters, digits and '-', such as 'staging'");
        }
        this.name = name;
        this.config = config;
    }

    /** An environment whose data is read from {@code config}. */
    public static Environment of(String name, ConfigSource config) {
        return new Environment(name, config);
    }

    public String name() {
        return name;
    }

    /** The config key of a data value in this environment, such as {@code selftest.data.staging.account}. */
    public String dataKey(String key) {
        return "selftest.data." + name + "." + key;
    }

    /** A data value of this environment, if configured. */
    public Optional<String> find(String key) {
        return config.value(dataKey(key));
    }

    /**
     * A data value of this environment.
     *
     * @throws IllegalStateException naming the key, the environment and the variable that would set it
     */
    public String value(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException("test data '" + key
                + "' is not configured for environment '" + name + "': set " + dataKey(key)
                + " (or the environment variable " + ConfigSource.environmentVariableName(dataKey(key)) + ")"));
    }

    @Override
    public String toString() {
        return name;
    }
}
