package dev.selftest.jakarta;

import dev.selftest.ConfigSource;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Reads {@code selftest.*} keys through MicroProfile Config, so they come from wherever the runtime looks
 * ({@code application.properties}, {@code microprofile-config.properties}, system properties, environment variables
 * such as {@code SELFTEST_TOKEN}).
 */
record MicroProfileConfigSource(Config config) implements ConfigSource {

    @Override
    public Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank());
    }
}
