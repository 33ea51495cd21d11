package dev.selftest.internal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.selftest.api.ApiResponse;
import java.util.Map;

/** The problems the control API answers with, and their RFC 9457 JSON form. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:selftest:problem:";

    private Problems() {
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    static ProblemException methodNotAllowed(String method, String allowed) {
        return new ProblemException(405, "method-not-allowed", "Method not allowed",
                method + " is not supported here; use " + allowed, Map.of(), Map.of("Allow", allowed));
    }

    static ProblemException unsupportedMediaType(String contentType) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                "send the body as application/json, not " + contentType);
    }

    static ProblemException tooLarge(int limit) {
        return new ProblemException(413, "request-too-large", "Request too large",
                "the body is larger than " + limit + " bytes (selftest.server.max-request-bytes)");
    }

    static ApiResponse toResponse(ProblemException problem, String instance, ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE_PREFIX + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", instance);
        problem.extensions().forEach((key, value) -> body.set(key, json.valueToTree(value)));
        try {
            return ApiResponse.of(problem.status(), CONTENT_TYPE, json.writeValueAsBytes(body), problem.headers());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }
}
