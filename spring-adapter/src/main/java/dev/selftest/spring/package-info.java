/**
 * Spring Boot auto-configuration of Selftest: add the dependency and the application's {@link dev.selftest.Scenario}
 * beans are served by the control API on the application's own port, with health, metrics and Spring Security.
 * {@code selftest.enabled=false} turns it all off.
 */
@NullMarked
package dev.selftest.spring;

import org.jspecify.annotations.NullMarked;
