package dev.selftest.spring.internal;

import dev.selftest.ConfigSource;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Core's {@link ConfigSource} over Spring's {@link Environment}: core reads {@code selftest.*} keys from every
 * property source Spring knows, with Spring's relaxed binding ({@code SELFTEST_RUNNER_POOL_SIZE} sets
 * {@code selftest.runner.pool-size}). A key written as a YAML list ({@code production-environments: [live, prod]})
 * reads as its comma-separated form. Blank values count as unset, as everywhere in core.
 */
public final class SpringConfigSource implements ConfigSource {
    private final Environment environment;
    private final Binder binder;

    public SpringConfigSource(Environment environment) {
        this.environment = environment;
        this.binder = Binder.get(environment);
    }

    @Override
    public Optional<String> value(String key) {
        String value = environment.getProperty(key);
        if (value == null && environment.containsProperty(key + "[0]")) {
            value = binder.bind(key, Bindable.listOf(String.class)).map(list -> String.join(",", list)).orElse(null);
        }
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
