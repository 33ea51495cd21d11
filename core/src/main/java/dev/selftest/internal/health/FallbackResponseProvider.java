package dev.selftest.internal.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.spi.HealthCheckResponseProvider;
import org.jspecify.annotations.Nullable;

/**
 * Lets {@code HealthCheckResponse.named(..)} work without a MicroProfile Health implementation on the classpath.
 * Installed only when none is found, so a real runtime's provider always wins.
 */
final class FallbackResponseProvider implements HealthCheckResponseProvider {

    /** Installs this provider unless the API already finds one. */
    static void installIfMissing() {
        try {
            HealthCheckResponse.builder();
        } catch (IllegalStateException noProvider) {
            HealthCheckResponse.setResponseProvider(new FallbackResponseProvider());
        }
    }

    @Override
    public HealthCheckResponseBuilder createResponseBuilder() {
        return new Builder();
    }

    private static final class Builder extends HealthCheckResponseBuilder {
        private @Nullable String name;
        private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;
        private final Map<String, Object> data = new LinkedHashMap<>();

        @Override
        public HealthCheckResponseBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, String value) {
            return put(key, value);
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, long value) {
            return put(key, value);
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, boolean value) {
            return put(key, value);
        }

        private HealthCheckResponseBuilder put(String key, Object value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder up() {
            return status(true);
        }

        @Override
        public HealthCheckResponseBuilder down() {
            return status(false);
        }

        @Override
        public HealthCheckResponseBuilder status(boolean up) {
            this.status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a health check response needs a name");
            }
            return new HealthCheckResponse(name, status,
                    data.isEmpty() ? Optional.empty() : Optional.of(Map.copyOf(data)));
        }
    }
}
