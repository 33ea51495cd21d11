/**
 * JUnit checks packaged with the service: the JUnit bridge offers each class as a scenario, found by Spring's
 * classpath scanning even inside the executable jar, and runs it against the live service.
 */
@NullMarked
package dev.selftest.samples.spring.checks;

import org.jspecify.annotations.NullMarked;
