/** The Spring Boot Actuator side of the HTTP health comparison. */
package dev.selftest.benchmarks.actuator;
