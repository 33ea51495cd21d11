package dev.selftest.spring;

import dev.selftest.RunListener;
import dev.selftest.SafetyPolicy;
import dev.selftest.Scenario;
import dev.selftest.Selftest;
import dev.selftest.Sweeper;
import dev.selftest.cleanup.CleanupJournal;
import dev.selftest.spring.internal.HealthCheckBeans;
import dev.selftest.spring.internal.SelftestLifecycle;
import dev.selftest.spring.internal.SpringConfigSource;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link Selftest} of the application: every {@link Scenario}, {@link Sweeper},
 * {@link CleanupHandlerRegistration}, {@link ProviderStateRegistration}, {@link RunListener} and
 * {@link SafetyPolicy} bean, a {@link CleanupJournal} bean (or the application's DataSource with
 * {@code selftest.cleanup.journal=jdbc}), the application's own
 * {@link MeterRegistry} when it has one, MicroProfile {@code HealthCheck} beans annotated {@code @Liveness},
 * {@code @Readiness} or {@code @Startup}, and {@code selftest.*} settings read from Spring's {@link Environment}.
 * Its background work (meter registration, the cleanup journal's replay, scheduled runs) starts once the application
 * is ready. Closed (runs cancelled, cleanup finished) when the context closes. Backs off when the application
 * declares its own {@link Selftest} bean.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "selftest.enabled", matchIfMissing = true)
public final class SelftestAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Selftest selftest(Environment environment, ObjectProvider<Scenario> scenarios,
                      ObjectProvider<Sweeper> sweepers, ObjectProvider<CleanupHandlerRegistration> cleanupHandlers,
                      ObjectProvider<CleanupJournal> journal, ObjectProvider<ProviderStateRegistration> providerStates,
                      ObjectProvider<RunListener> listeners,
                      ObjectProvider<SafetyPolicy> policies, ObjectProvider<MeterRegistry> meterRegistry,
                      ObjectProvider<SelftestBuilderCustomizer> customizers, ListableBeanFactory beans) {
        Selftest.Builder builder = Selftest.builder().config(new SpringConfigSource(environment)).deferBackgroundWork();
        scenarios.orderedStream().forEach(builder::scenario);
        sweepers.orderedStream().forEach(builder::sweeper);
        cleanupHandlers.orderedStream().forEach(handler -> builder.cleanupHandler(handler.type(), handler.handler()));
        journal.ifUnique(builder::cleanupJournal);
        providerStates.orderedStream().forEach(state -> builder.providerState(state.name(), state.handler()));
        HealthCheckBeans.register(beans, builder);
        listeners.orderedStream().forEach(builder::listener);
        policies.orderedStream().reduce(SafetyPolicy::and).ifPresent(builder::safetyPolicy);
        meterRegistry.ifUnique(builder::meterRegistry);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * Starts Selftest's background work (meters, the cleanup journal's replay, scheduled runs) once the application is
     * ready, and stops scheduled runs when it begins to shut down.
     */
    @Bean
    SelftestLifecycle selftestLifecycle(Selftest selftest) {
        return new SelftestLifecycle(selftest);
    }

    /** The durable cleanup journal in the application's database, with {@code selftest.cleanup.journal=jdbc}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "selftest.cleanup.journal", havingValue = "jdbc")
    CleanupJournal selftestCleanupJournal(DataSource dataSource) {
        return CleanupJournal.jdbc(dataSource);
    }
}
