/** An orders service on Quarkus that tests itself: its scenarios are CDI beans picked up by Selftest's adapter. */
@NullMarked
package dev.selftest.samples.jakarta;

import org.jspecify.annotations.NullMarked;
