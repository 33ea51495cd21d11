package dev.selftest.junit.internal;

import java.util.List;
import java.util.stream.Collectors;

/** Turns the failed tests of a bridged execution into the one exception that ends its scenario. */
final class FailedTests {
    private static final int LISTED = 5;

    /** A test that failed, named as its step. */
    record Failed(String test, Throwable error) {
    }

    private FailedTests() {
    }

    /**
     * Throws an {@link AssertionError} (the scenario {@code FAILED}) when every failure was an assertion, else a
     * {@link TestsErroredException} (the scenario {@code ERRORED}); its message names each failed test and says why,
     * its cause is the first failure and the others are suppressed.
     */
    static void raise(List<Failed> failures) {
        String listed = failures.stream().limit(LISTED)
                .map(failed -> failed.test() + ": " + describe(failed.error()))
                .collect(Collectors.joining("; "));
        String message = failures.size() == 1 ? listed : failures.size() + " tests failed: " + listed
                + (failures.size() > LISTED ? "; and " + (failures.size() - LISTED) + " more" : "");
        Throwable first = failures.get(0).error();
        boolean assertions = failures.stream().allMatch(failed -> failed.error() instanceof AssertionError);
        if (assertions) {
            throw suppressing(failures, new AssertionError(message, first));
        }
        throw suppressing(failures, new TestsErroredException(message, first));
    }

    private static <T extends Throwable> T suppressing(List<Failed> failures, T combined) {
        failures.stream().skip(1).forEach(failed -> combined.addSuppressed(failed.error()));
        return combined;
    }

    /** The message of an error, or its class name when it has none. */
    static String messageOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getName() : message;
    }

    /** An assertion's message, or an error's type and message ({@code ConnectException: Connection refused}). */
    private static String describe(Throwable error) {
        return error instanceof AssertionError ? messageOf(error)
                : error.getClass().getSimpleName() + ": " + messageOf(error);
    }

    /** Tests of a bridged scenario threw something other than an assertion. */
    static final class TestsErroredException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TestsErroredException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
