package dev.selftest;

import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Why something failed.
 *
 * @param type       the exception's class name
 * @param message    its message (never null; the class name when it had none)
 * @param stackTrace the stack trace, kept only when configured ({@code selftest.report.stack-traces=true})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Failure(String type, String message, @Nullable String stackTrace) {
    public Failure {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /** A failure with a message and no exception behind it. */
    public static Failure of(String type, String message) {
        return new Failure(type, message, null);
    }
}
