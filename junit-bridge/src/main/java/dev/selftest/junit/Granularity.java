package dev.selftest.junit;

import org.apiguardian.api.API;

/** How many scenarios the bridge makes of a test class. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Granularity {
    /**
     * One scenario per top-level test class (the default): the class keeps its JUnit lifecycle ({@code @BeforeAll},
     * {@code @TestInstance(PER_CLASS)}, {@code @Nested}, {@code @TestMethodOrder}) and each test becomes a step.
     */
    CLASS,
    /**
     * One scenario per test method (a parameterized test or test factory with all its invocations): finer
     * selection and a timeout per method, at the price of running {@code @BeforeAll} once per method.
     */
    METHOD
}
