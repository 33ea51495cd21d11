package dev.selftest.benchmarks;

import dev.selftest.api.ApiRequest;
import java.util.Map;
import java.util.Optional;

/** Control API requests as a transport would hand them to the handler. */
public final class Requests {
    /** The operate token the benchmark Selftests are built with. */
    public static final String TOKEN = "benchmark-token";

    private Requests() {
    }

    /** {@code GET /selftest<path>} with the bearer token. */
    public static ApiRequest get(String path) {
        String authorization = "Bearer " + TOKEN;
        return ApiRequest.of("GET", "/selftest", path, Map.of(),
                name -> name.equalsIgnoreCase("Authorization") ? Optional.of(authorization) : Optional.empty());
    }

    /** {@code GET /selftest<path>} without credentials, as a Kubernetes probe sends it. */
    public static ApiRequest anonymous(String path) {
        return ApiRequest.of("GET", "/selftest", path, Map.of(), name -> Optional.empty());
    }
}
