/**
 * Selftest's scenario API: define {@link dev.selftest.Scenario scenarios}, build a {@link dev.selftest.Selftest}
 * and run them with a {@link dev.selftest.RunRequest}.
 */
@NullMarked
package dev.selftest;

import org.jspecify.annotations.NullMarked;
