/** Selecting scenarios: JUnit-style tag expressions. */
@NullMarked
package dev.selftest.internal.select;

import org.jspecify.annotations.NullMarked;
