package dev.selftest.cli.client;

import java.time.Duration;
import org.apiguardian.api.API;

/** A point in time by which something must be done (monotonic clock). */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Deadline(long nanoTime) {

    public static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    public boolean passed() {
        return System.nanoTime() - nanoTime >= 0;
    }

    /** True when {@code wait} still fits before the deadline. */
    public boolean allows(Duration wait) {
        return remaining().compareTo(wait) > 0;
    }
}
