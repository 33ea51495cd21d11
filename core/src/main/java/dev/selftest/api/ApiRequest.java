package dev.selftest.api;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the control API sees it.
 *
 * @param method   upper-case HTTP method
 * @param basePath where the transport mounted the API, such as {@code /selftest} (used to build links)
 * @param path     the rest of the path below it, such as {@code /runs/20261123-101500-a1b2c3}; empty for the index
 * @param query    decoded query parameters
 * @param headers  header lookup, case-insensitive
 * @param body     the raw body (the handler enforces the size limit)
 * @param caller   set when the framework's security authenticated the caller; null to apply the token rules
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ApiRequest(String method, String basePath, String path, Map<String, List<String>> query,
                         Headers headers, InputStream body, @Nullable Caller caller) {

    /** Case-insensitive header lookup, so every transport can pass its own header type. */
    @FunctionalInterface
    public interface Headers {
        Optional<String> first(String name);
    }

    public ApiRequest {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(basePath, "basePath");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** A bodiless request, for tests and simple transports. */
    public static ApiRequest of(String method, String basePath, String path, Map<String, List<String>> query,
                                Headers headers) {
        return new ApiRequest(method, basePath, path, query, headers, InputStream.nullInputStream(), null);
    }
}
