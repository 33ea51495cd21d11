package dev.selftest.spring;

import dev.selftest.Selftest;
import dev.selftest.health.HealthKind;
import dev.selftest.spring.internal.SelftestHealthIndicator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Selftest's health in Actuator: a {@code selftest} contributor with the members {@code selftest/liveness},
 * {@code selftest/readiness} and {@code selftest/startup}, each answered from the state core keeps fresh in the
 * background (so no probe waits for a check, and checks run side by side with their own timeouts).
 *
 * <p>It shows in {@code /actuator/health}; Boot's {@code liveness} and {@code readiness} groups do not include it,
 * so liveness never depends on scenarios. Scenario-derived readiness is opt-in: set
 * {@code selftest.health.readiness.scenario-tags} and add {@code selftest/readiness} to the readiness group with
 * {@code management.endpoint.health.group.readiness.include=readinessState,selftest/readiness}.
 * {@code management.health.selftest.enabled=false} removes the contributor.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@AutoConfiguration(after = SelftestAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.CompositeHealthContributor")
@ConditionalOnBean(Selftest.class)
public final class SelftestHealthAutoConfiguration {
    /** The bean name; Actuator names the contributor {@code selftest} after it. */
    public static final String CONTRIBUTOR = "selftestHealthContributor";

    @Bean(CONTRIBUTOR)
    @ConditionalOnMissingBean(name = CONTRIBUTOR)
    @ConditionalOnEnabledHealthIndicator("selftest")
    CompositeHealthContributor selftestHealthContributor(Selftest selftest) {
        Map<String, SelftestHealthIndicator> kinds = new LinkedHashMap<>();
        Arrays.stream(HealthKind.values()).map(kind -> new SelftestHealthIndicator(selftest, kind))
                .forEach(indicator -> kinds.put(indicator.name(), indicator));
        return CompositeHealthContributor.fromMap(kinds);
    }
}
