package dev.selftest.internal.kpi;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/** Uses the optional Prometheus registry; loaded only when {@link PrometheusText} found it on the classpath. */
final class PrometheusRegistries {

    private PrometheusRegistries() {
    }

    static MeterRegistry create() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    static Optional<Supplier<String>> scraper(MeterRegistry registry) {
        return registry instanceof PrometheusMeterRegistry prometheus ? Optional.of(prometheus::scrape)
                : Optional.empty();
    }
}
