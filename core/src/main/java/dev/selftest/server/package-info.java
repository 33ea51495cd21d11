/** The embedded default transport: the control API on the JDK's own {@code com.sun.net.httpserver}. */
@NullMarked
package dev.selftest.server;

import org.jspecify.annotations.NullMarked;
