/**
 * Durable cleanup: resources a scenario {@linkplain dev.selftest.ScenarioContext#track tracks} are written to a
 * {@link dev.selftest.cleanup.CleanupJournal} before they are used and removed by a
 * {@link dev.selftest.cleanup.CleanupHandler}, even after a crash.
 */
@NullMarked
package dev.selftest.cleanup;

import org.jspecify.annotations.NullMarked;
