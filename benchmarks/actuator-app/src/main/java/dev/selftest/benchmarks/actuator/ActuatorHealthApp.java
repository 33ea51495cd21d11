package dev.selftest.benchmarks.actuator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A minimal Spring Boot app with Actuator: {@code /actuator/health} runs its indicators (the DataSource check, and
 * with {@code SLOW_CHECK_MILLIS} a slow one) on every request, as Actuator does without a cache.
 */
@SpringBootApplication
public class ActuatorHealthApp {

    public static void main(String[] args) {
        SpringApplication.run(ActuatorHealthApp.class, args);
    }

    /** A dependency that takes {@code SLOW_CHECK_MILLIS} to answer. */
    @Bean
    @ConditionalOnProperty("SLOW_CHECK_MILLIS")
    HealthIndicator slowDependency(Environment environment) {
        long millis = environment.getRequiredProperty("SLOW_CHECK_MILLIS", Long.class);
        return () -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down().withDetail("error", "interrupted").build();
            }
            return Health.up().build();
        };
    }
}
