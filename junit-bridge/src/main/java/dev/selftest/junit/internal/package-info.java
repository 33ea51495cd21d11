/** How the JUnit bridge discovers tests, runs them through the JUnit Platform Launcher and maps their outcomes. */
@NullMarked
package dev.selftest.junit.internal;

import org.jspecify.annotations.NullMarked;
