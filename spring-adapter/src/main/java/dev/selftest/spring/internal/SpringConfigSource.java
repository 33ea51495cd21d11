package dev.selftest.spring.internal;

import dev.selftest.ConfigSource;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Core's {@link ConfigSource} over Spring's {@link Environment}: core reads {@code selftest.*} keys from every
 * property source Spring knows, with Spring's relaxed binding ({@code SELFTEST_RUNNER_POOL_SIZE} sets
 * {@code selftest.runner.pool-size}). Blank values count as unset, as everywhere in core.
 */
public record SpringConfigSource(Environment environment) implements ConfigSource {

    @Override
    public Optional<String> value(String key) {
        return Optional.ofNullable(environment.getProperty(key)).filter(value -> !value.isBlank());
    }
}
