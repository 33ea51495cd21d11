/** Reading and validating {@code selftest.*} settings. */
@NullMarked
package dev.selftest.internal.config;

import org.jspecify.annotations.NullMarked;
