package dev.selftest.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What the control API answers. The body is written by the transport (a stream such as server-sent events may
 * write for a long time); {@link #fixedLength()} is -1 then.
 *
 * @param headers response headers, including {@code Content-Type}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ApiResponse(int status, Map<String, String> headers, Body body, long fixedLength) {

    /** Writes the body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    /** A complete body of known bytes. */
    public static ApiResponse of(int status, String contentType, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return new ApiResponse(status, all, out -> out.write(body), body.length);
    }

    /** A complete UTF-8 text body. */
    public static ApiResponse text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A streamed body of unknown length. */
    public static ApiResponse streaming(int status, String contentType, Body body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return new ApiResponse(status, all, body, -1);
    }

    /** A header value, if set (exact name). */
    public @org.jspecify.annotations.Nullable String header(String name) {
        return headers.get(name);
    }

    /** The body as text; for tests and small bodies. */
    public String bodyText() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        body.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
