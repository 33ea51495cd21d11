/** Durable cleanup: journals, replay after a crash, retries with backoff, and scheduled sweeping. */
@NullMarked
package dev.selftest.internal.cleanup;

import org.jspecify.annotations.NullMarked;
