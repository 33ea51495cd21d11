/** The servers {@code benchmarks/run-http.sh} loads with wrk beside the samples: the bare JDK server and Selftest's. */
@NullMarked
package dev.selftest.benchmarks.http;

import org.jspecify.annotations.NullMarked;
