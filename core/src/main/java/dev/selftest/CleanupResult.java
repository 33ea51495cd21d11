package dev.selftest;

import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One cleanup action after a scenario.
 *
 * @param description what it removes, as registered
 * @param cleaned     whether it completed
 * @param message     why it did not, when it did not
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CleanupResult(String description, boolean cleaned, Duration duration, @Nullable String message) {
}
