package dev.selftest.internal.api;

import java.util.Map;

/**
 * An RFC 9457 problem to answer with. Thrown inside the handler, turned into a response at its edge.
 *
 * @see Problems
 */
final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final transient Map<String, Object> extensions;
    private final transient Map<String, String> headers;

    ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions,
                     Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of(), Map.of());
    }

    int status() {
        return status;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    Map<String, Object> extensions() {
        return extensions;
    }

    Map<String, String> headers() {
        return headers;
    }
}
