/** A small orders service on the JDK's HTTP server and H2 that tests itself with Selftest. */
@NullMarked
package dev.selftest.samples.orders;

import org.jspecify.annotations.NullMarked;
