package dev.selftest.api;

import org.apiguardian.api.API;

/**
 * The one handler of Selftest's HTTP control API (see {@code docs/http-api.md}). It never throws: every failure,
 * including bad input and unexpected errors, becomes an RFC 9457 {@code application/problem+json} response.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ControlApi {

    ApiResponse handle(ApiRequest request);

    /** The base path the API is configured for ({@code selftest.base-path}, default {@code /selftest}). */
    String basePath();

    /** The request-body limit in bytes ({@code selftest.server.max-request-bytes}). */
    int maxRequestBytes();
}
