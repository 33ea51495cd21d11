/**
 * The dashboard page ({@code GET <base>/ui}): static HTML, CSS and JavaScript packaged in the jar and served by
 * the control API handler with a strict Content-Security-Policy. The page holds no data; it reads the JSON API
 * with the token the user enters.
 */
@NullMarked
package dev.selftest.internal.ui;

import org.jspecify.annotations.NullMarked;
