package dev.selftest.spring.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.selftest.ConfigSource;
import dev.selftest.Selftest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Builds a throwaway {@link Selftest} and closes it at once, on Spring Boot's background pre-initialisation thread,
 * while the main thread is still preparing the application context: the classes, lambdas and code paths the
 * application's {@code selftest} bean needs are then loaded and linked when the context builds it, which from an
 * executable jar roughly halves that bean's time on the main thread (BENCHMARKS.md). Spring Boot
 * pre-initialises its own Jackson, Tomcat and message converters the same way.
 *
 * <p>Nothing reaches the throwaway instance: it has no scenario, check, journal or transport, a registry of its own,
 * and a token only so that it does not log that the control API is off. Like the application's instance it leaves
 * its background work (meters, cleanup, schedule) unstarted: the application's starts once the application is
 * ready, off the start-up path, and the throwaway's never does.
 *
 * <p>Skipped when {@code selftest.enabled=false} is a system property or an environment variable (the application's
 * property files are not read yet at this point), and when the JVM reads application classes from an archive (class
 * data sharing with {@code -XX:SharedArchiveFile}, or an AOT cache from Java 24 on): they then load fast, and a
 * warm-up would only take CPU from the start. Boot skips every pre-initialiser on one core, in a native image and
 * with {@code -Dspring.backgroundpreinitializer.ignore=true}.
 */
final class SelftestBackgroundPreinitializer implements BackgroundPreinitializer {
    private static final String ENABLED = "selftest.enabled";

    private final ConfigSource config;
    private final BooleanSupplier classesArchived;
    private final Supplier<MeterRegistry> registry;

    /**
     * Reads {@code selftest.enabled} from system properties and environment variables, and the archive options from
     * the JVM; Spring Boot calls this one.
     */
    SelftestBackgroundPreinitializer() {
        this(ConfigSource.systemAndEnvironment(), SelftestBackgroundPreinitializer::applicationClassesArchived,
                SimpleMeterRegistry::new);
    }

    /**
     * @param config          where {@code selftest.enabled} is read
     * @param classesArchived whether the JVM reads application classes from an archive
     * @param registry        makes the throwaway instance's registry
     */
    SelftestBackgroundPreinitializer(ConfigSource config, BooleanSupplier classesArchived,
                                     Supplier<MeterRegistry> registry) {
        this.config = config;
        this.classesArchived = classesArchived;
        this.registry = registry;
    }

    @Override
    public void preinitialize() {
        boolean disabled = config.value(ENABLED).filter(value -> value.strip().equalsIgnoreCase("false")).isPresent();
        if (disabled || classesArchived.getAsBoolean()) {
            return;
        }
        try (Selftest throwaway = Selftest.builder().config(ConfigSource.of(Map.of())).token("not served")
                .meterRegistry(registry.get()).deferBackgroundWork().build()) {
            throwaway.health();
        }
    }

    /** Whether {@code -XX:SharedArchiveFile} or (from Java 24 on) {@code -XX:AOTCache} names an archive. */
    static boolean applicationClassesArchived() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return Stream.of("SharedArchiveFile", "AOTCache").anyMatch(option -> isSet(vm, option));
    }

    private static boolean isSet(HotSpotDiagnosticMXBean vm, String option) {
        try {
            return !vm.getVMOption(option).getValue().isEmpty();
        } catch (IllegalArgumentException unknownBeforeJava24) {
            return false;
        }
    }
}
