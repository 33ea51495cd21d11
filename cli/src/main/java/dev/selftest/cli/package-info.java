/**
 * The {@code selftest} command line: {@code run}, {@code list}, {@code health} and {@code cleanup} against one or
 * many instances of a service's control API. Exit codes: 0 passed, 1 failed or timed out, 2 could not tell (usage,
 * connection, authorisation or server errors).
 */
@NullMarked
package dev.selftest.cli;

import org.jspecify.annotations.NullMarked;
