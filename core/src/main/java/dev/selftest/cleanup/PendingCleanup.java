package dev.selftest.cleanup;

import java.time.Instant;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A tracked resource not removed yet, with what happened so far.
 *
 * @param attempts    failed removal attempts
 * @param lastError   why the last attempt failed; null before any attempt
 * @param nextAttempt when the next automatic attempt is due
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PendingCleanup(JournalEntry entry, int attempts, @Nullable String lastError, Instant nextAttempt) {
}
