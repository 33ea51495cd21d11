package dev.selftest.spring.security;

import dev.selftest.spring.ServletTransportContractTests;
import org.junit.jupiter.api.Tag;


/**
 * The same contract with Spring Security on the classpath and Spring Boot's default security in force: bearer-token
 * callers that Spring Security did not authenticate still get exactly the core rules.
 */
@Tag("spring-security")
class ServletTransportWithSpringSecurityContractTests extends ServletTransportContractTests {
}
