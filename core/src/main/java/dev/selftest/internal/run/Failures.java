package dev.selftest.internal.run;

import dev.selftest.Failure;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Turns throwables into {@link Failure}s. */
final class Failures {
    private Failures() {
    }

    static Failure of(Throwable error, boolean withStackTrace) {
        return new Failure(error.getClass().getName(), messageOf(error), withStackTrace ? stackTrace(error) : null);
    }

    static String messageOf(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getName() : message;
    }

    private static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
