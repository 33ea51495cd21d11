package dev.selftest.spring.security;

import dev.selftest.spring.ServletTransportContractTests;


/**
 * The same contract with Spring Security on the classpath and Spring Boot's default security in force: bearer-token
 * callers that Spring Security did not authenticate still get exactly the core rules.
 */
class ServletTransportWithSpringSecurityContractTests extends ServletTransportContractTests {
}
