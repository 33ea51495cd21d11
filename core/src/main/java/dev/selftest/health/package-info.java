/**
 * Health for probes: MicroProfile Health checks registered as liveness, readiness or startup checks, run in the
 * background with a timeout and hysteresis, and answered from cached state ({@link dev.selftest.health.Health}).
 */
@NullMarked
package dev.selftest.health;

import org.jspecify.annotations.NullMarked;
