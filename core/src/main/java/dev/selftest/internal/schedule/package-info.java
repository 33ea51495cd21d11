/** Continuous runs: the scheduler that runs the production-safe selection at a fixed interval with jitter. */
@NullMarked
package dev.selftest.internal.schedule;

import org.jspecify.annotations.NullMarked;
