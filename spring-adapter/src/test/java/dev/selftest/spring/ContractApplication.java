package dev.selftest.spring;

import dev.selftest.contract.ContractFixture;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application that serves the contract kit's fixture through the auto-configuration. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ContractApplication {
    /** The fixture's settings, as a test's {@code properties}. */
    public static final String TOKEN = "selftest.token=" + ContractFixture.TOKEN;
    public static final String ENVIRONMENT = "selftest.environment=" + ContractFixture.ENVIRONMENT;

    @Bean
    SelftestBuilderCustomizer contractScenarios() {
        return builder -> builder.scenarios(ContractFixture.scenarios());
    }
}
