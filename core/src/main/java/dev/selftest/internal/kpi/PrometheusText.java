package dev.selftest.internal.kpi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Prometheus text format of a registry, when {@code micrometer-registry-prometheus} is on the classpath (an
 * optional dependency). Only {@link PrometheusRegistries} touches its types, and only once they are known present.
 */
public final class PrometheusText {
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final boolean PRESENT = isPresent();
    private static final String LEGACY_REGISTRY = "io.micrometer.prometheus.PrometheusMeterRegistry";

    private PrometheusText() {
    }

    /** A Prometheus registry when the library is present, otherwise a simple in-memory one. */
    public static MeterRegistry defaultRegistry() {
        return PRESENT ? PrometheusRegistries.create() : new SimpleMeterRegistry();
    }

    /**
     * What scrapes {@code registry} (or the Prometheus registry inside a composite); empty without one. Besides
     * Micrometer's current Prometheus registry it knows the legacy {@code io.micrometer.prometheus} one, which
     * runtimes such as Quarkus 3 still provide, through its public {@code scrape()} method.
     */
    public static Optional<Supplier<String>> scraper(MeterRegistry registry) {
        if (registry instanceof CompositeMeterRegistry composite) {
            return composite.getRegistries().stream().map(PrometheusText::scraper).flatMap(Optional::stream)
                    .findFirst();
        }
        if (registry.getClass().getName().equals(LEGACY_REGISTRY)) {
            return legacyScraper(registry);
        }
        return PRESENT ? PrometheusRegistries.scraper(registry) : Optional.empty();
    }

    private static Optional<Supplier<String>> legacyScraper(MeterRegistry registry) {
        try {
            Method scrape = registry.getClass().getMethod("scrape");
            return Optional.of(() -> {
                try {
                    return (String) scrape.invoke(registry);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot scrape " + LEGACY_REGISTRY, e);
                }
            });
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static boolean isPresent() {
        try {
            Class.forName("io.micrometer.prometheusmetrics.PrometheusMeterRegistry", false,
                    PrometheusText.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
