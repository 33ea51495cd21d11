/**
 * The transport-neutral HTTP control API: transports (the embedded JDK server, Spring MVC, Jakarta REST) translate
 * their requests into an {@link dev.selftest.api.ApiRequest}, call {@link dev.selftest.api.ControlApi#handle} and
 * write the {@link dev.selftest.api.ApiResponse} back.
 */
@NullMarked
package dev.selftest.api;

import org.jspecify.annotations.NullMarked;
