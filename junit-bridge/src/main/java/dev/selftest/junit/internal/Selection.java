package dev.selftest.junit.internal;

import dev.selftest.junit.Granularity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the bridge was asked to offer.
 *
 * @param tags      a JUnit tag expression, or null for every test
 * @param targetUrl the base URL of the service under test, or null to leave it to configuration
 */
public record Selection(List<String> packages, List<Class<?>> classes, @Nullable String tags,
                        Granularity granularity, Duration timeout, @Nullable Supplier<URI> targetUrl) {
    public Selection {
        packages = List.copyOf(packages);
        classes = List.copyOf(classes);
        if (packages.isEmpty() && classes.isEmpty()) {
            throw new IllegalArgumentException("select at least one package or test class to bridge");
        }
    }
}
