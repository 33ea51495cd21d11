/** Talking to one instance's control API: targets, retries within a deadline, problems turned into plain words. */
@NullMarked
package dev.selftest.cli.client;

import org.jspecify.annotations.NullMarked;
