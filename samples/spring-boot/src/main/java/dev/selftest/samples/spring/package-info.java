/** An orders service on Spring Boot that tests itself: its scenarios are beans, served by Selftest's auto-configuration. */
@NullMarked
package dev.selftest.samples.spring;

import org.jspecify.annotations.NullMarked;
