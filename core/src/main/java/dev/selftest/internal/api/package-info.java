/** Where an HTTP request becomes a call on Selftest: routing, authorisation, JSON bodies and problem responses. */
@NullMarked
package dev.selftest.internal.api;

import org.jspecify.annotations.NullMarked;
