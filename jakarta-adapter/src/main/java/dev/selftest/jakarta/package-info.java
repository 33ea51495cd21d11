/**
 * Selftest on Jakarta EE and MicroProfile runtimes: CDI beans of type {@link dev.selftest.Scenario} (and
 * {@link dev.selftest.Sweeper}, {@link dev.selftest.cleanup.CleanupHandler},
 * {@link dev.selftest.cleanup.CleanupJournal}, {@link dev.selftest.RunListener}, {@link dev.selftest.SafetyPolicy})
 * are collected into one {@link dev.selftest.Selftest} bean configured through MicroProfile Config, and a Jakarta
 * REST resource serves its control API. Add the jar; there is nothing to call.
 */
@NullMarked
package dev.selftest.jakarta;

import org.jspecify.annotations.NullMarked;
