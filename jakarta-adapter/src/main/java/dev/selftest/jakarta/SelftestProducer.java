package dev.selftest.jakarta;

import dev.selftest.RunListener;
import dev.selftest.SafetyPolicy;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.Sweeper;
import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.cleanup.CleanupJournal;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the application's one {@link Selftest} from the CDI beans of type {@link Scenario},
 * {@code List<Scenario>} and {@code Supplier<List<Scenario>>} (a discovery, called once when the first run or
 * scenario listing needs every scenario, such as the JUnit bridge's
 * {@code JUnitScenarios.builder().packages(..)::discover}, which keeps JUnit's engine out of start-up),
 * {@link Sweeper}, {@link CleanupHandler} (qualified with {@link CleanupType}), {@link CleanupJournal},
 * {@link RunListener} and {@link SafetyPolicy}, configured through MicroProfile Config, recording into the runtime's
 * {@link MeterRegistry} bean when there is one. Scenarios are registered in the order of their ids, since CDI gives
 * beans in no particular order. It is built when the container starts and closed when it stops.
 *
 * <p>Scenarios are records, so produce them {@code @Dependent} (the default) or {@code @Singleton}, never with a
 * normal scope such as {@code @ApplicationScoped}, which would need a proxy.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Dependent
public class SelftestProducer {
    private static final Logger LOG = LoggerFactory.getLogger(SelftestProducer.class);
    private static final String BASE_PATH = "selftest.base-path";

    @Produces
    @Singleton
    Selftest selftest(Config config, Instance<Scenario> scenarios, Instance<List<Scenario>> scenarioLists,
                      Instance<Supplier<List<Scenario>>> discoveries, Instance<Sweeper> sweepers,
                      @Any Instance<CleanupHandler> cleanupHandlers,
                      Instance<CleanupJournal> journals, Instance<RunListener> listeners,
                      Instance<SafetyPolicy> policies, Instance<MeterRegistry> meterRegistries) {
        Selftest.Builder builder = Selftest.builder().config(new MicroProfileConfigSource(config));
        Stream.concat(scenarios.stream(), scenarioLists.stream().flatMap(List::stream))
                .sorted(Comparator.comparing(Scenario::id)).forEach(builder::scenario);
        discoveries.forEach(builder::discoverScenarios);
        for (Instance.Handle<CleanupHandler> handler : cleanupHandlers.handles()) {
            builder.cleanupHandler(cleanupType(handler.getBean()), handler.get());
        }
        if (journals.isResolvable()) {
            builder.cleanupJournal(journals.get());
        }
        sweepers.forEach(builder::sweeper);
        listeners.forEach(builder::listener);
        policies.stream().reduce(SafetyPolicy::and).ifPresent(builder::safetyPolicy);
        if (meterRegistries.isResolvable()) {
            builder.meterRegistry(meterRegistries.get());
        }
        return builder.build();
    }

    private static String cleanupType(Bean<?> handler) {
        return handler.getQualifiers().stream()
                .filter(CleanupType.class::isInstance).map(CleanupType.class::cast).map(CleanupType::value)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the CleanupHandler bean " + handler
                        + " names no resource type: annotate it @CleanupType(\"order\"), the type its scenarios "
                        + "pass to track(type, id)"));
    }

    /**
     * Builds Selftest when the container starts, not on first use, so that its scheduled runs and background health
     * checks live exactly as long as the container.
     */
    void start(@Observes Startup startup, Selftest selftest, Config config,
               Instance<Supplier<List<Scenario>>> discoveries) {
        LOG.info("Selftest is up with {} scenarios in environment '{}'{}", selftest.scenarios().size(),
                selftest.environment().name(), discoveries.isUnsatisfied() ? ""
                        : "; more are discovered when the first run or scenario listing needs them");
        config.getOptionalValue(BASE_PATH, String.class).filter(path -> !path.equals("/selftest"))
                .ifPresent(path -> LOG.warn("{}={} is ignored on Jakarta REST: the control API is served at "
                        + "/selftest below the application's REST root", BASE_PATH, path));
    }

    /** Stops scheduled runs, cancels running ones and waits for their cleanup when the container shuts down. */
    void close(@Disposes Selftest selftest) {
        selftest.close();
    }
}
