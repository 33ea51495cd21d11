package dev.selftest;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What one sweeper did.
 *
 * @param removed how many leftovers it removed (0 when it failed)
 * @param error   why it failed; null when it succeeded
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SweepResult(String sweeper, int removed, @Nullable String error) {
    public boolean succeeded() {
        return error == null;
    }
}
