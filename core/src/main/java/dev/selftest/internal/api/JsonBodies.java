package dev.selftest.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.api.ApiRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads JSON request bodies with the size limit, the content type and the syntax checked. */
final class JsonBodies {
    private final ObjectMapper json;
    private final int maxBytes;

    JsonBodies(ObjectMapper json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** The JSON object of the body; empty when there is no body. */
    Optional<JsonNode> readObject(ApiRequest request) {
        byte[] bytes = readLimited(request.body());
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        String contentType = request.headers().first("Content-Type").orElse("");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw Problems.unsupportedMediaType(contentType.isEmpty() ? "no Content-Type" : contentType);
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw Problems.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw Problems.badRequest("the body could not be read");
        }
        if (node == null || !node.isObject()) {
            throw Problems.badRequest("the body must be a JSON object");
        }
        return Optional.of(node);
    }

    /** A string field of a JSON object; null when absent or null. @throws ProblemException when not a string */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Problems.badRequest("'" + field + "' must be a string");
        }
        return value.asText();
    }

    private byte[] readLimited(InputStream body) {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw Problems.tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw Problems.badRequest("the body could not be read: " + e.getMessage());
        }
    }
}
