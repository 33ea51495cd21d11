package dev.selftest.spring.internal;

import dev.selftest.Selftest;
import dev.selftest.health.HealthKind;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Registers the application's MicroProfile {@link HealthCheck} beans with Selftest, by the kinds their
 * {@code @Liveness}, {@code @Readiness} and {@code @Startup} annotations (on the class or the {@code @Bean} method)
 * give them. A check without any of them is no health check procedure in MicroProfile Health either: it is skipped
 * with a warning.
 */
public final class HealthCheckBeans {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckBeans.class);
    private static final Map<Class<? extends Annotation>, HealthKind> KINDS = Map.of(
            Liveness.class, HealthKind.LIVENESS, Readiness.class, HealthKind.READINESS, Startup.class, HealthKind.STARTUP);

    private HealthCheckBeans() {
    }

    /** Adds every annotated {@link HealthCheck} bean of {@code beans} to {@code builder}. */
    public static void register(ListableBeanFactory beans, Selftest.Builder builder) {
        for (String name : beans.getBeanNamesForType(HealthCheck.class)) {
            boolean registered = false;
            for (Map.Entry<Class<? extends Annotation>, HealthKind> kind : KINDS.entrySet()) {
                if (beans.findAnnotationOnBean(name, kind.getKey()) != null) {
                    builder.healthCheck(kind.getValue(), beans.getBean(name, HealthCheck.class));
                    registered = true;
                }
            }
            if (!registered) {
                LOG.warn("HealthCheck bean '{}' has no @Liveness, @Readiness or @Startup: it is not registered", name);
            }
        }
    }
}
