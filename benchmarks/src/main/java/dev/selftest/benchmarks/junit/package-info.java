/** A thousand trivial JUnit Jupiter tests: the workload of the in-process JUnit benchmark. */
@NullMarked
package dev.selftest.benchmarks.junit;

import org.jspecify.annotations.NullMarked;
