/** The background threads Selftest starts. */
@NullMarked
package dev.selftest.internal.threads;

import org.jspecify.annotations.NullMarked;
