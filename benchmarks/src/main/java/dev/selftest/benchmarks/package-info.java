/**
 * JMH benchmarks of Selftest's hot paths: a cached health answer through the control API handler, run reports
 * (JSON, JUnit XML), an in-process JUnit run, and the shared fixtures they start. Run them with
 * {@code java -jar benchmarks/target/benchmarks.jar}; results and commands are in {@code BENCHMARKS.md}.
 */
@NullMarked
package dev.selftest.benchmarks;

import org.jspecify.annotations.NullMarked;
