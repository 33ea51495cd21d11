package dev.selftest.internal.kpi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

    private PrometheusText() {
    }

    /** A Prometheus registry when the library is present, otherwise a simple in-memory one. */
    public static MeterRegistry defaultRegistry() {
        return PRESENT ? PrometheusRegistries.create() : new SimpleMeterRegistry();
    }

    /** What scrapes {@code registry} (or the Prometheus registry inside a composite); empty without one. */
    public static Optional<Supplier<String>> scraper(MeterRegistry registry) {
        return PRESENT ? PrometheusRegistries.scraper(registry) : Optional.empty();
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
