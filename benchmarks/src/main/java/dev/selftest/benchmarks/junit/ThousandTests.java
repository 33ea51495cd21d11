package dev.selftest.benchmarks.junit;

import dev.selftest.junit.ReadOnly;
import org.junit.jupiter.api.RepeatedTest;

/** A thousand trivial tests: what a JUnit run costs when the tests themselves cost nothing. */
@ReadOnly
public class ThousandTests {
    /** How many tests one run of this class executes. */
    public static final int COUNT = 1000;

    @RepeatedTest(COUNT)
    void trivial() {
        // deliberately empty: the benchmark measures the machinery around the test
    }
}
