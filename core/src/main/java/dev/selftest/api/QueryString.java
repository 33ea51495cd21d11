package dev.selftest.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a raw query string the same way for every transport, so that {@code ?wait=} and {@code ?limit=} mean the
 * same whatever server received them. Transports use it instead of their container's parameter map, which may
 * read a form body.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class QueryString {
    private QueryString() {
    }

    /**
     * The decoded parameters of {@code rawQuery} (as sent, still percent-encoded), in order; a {@code +} stays a
     * plus sign and a malformed encoding is kept as it was sent, for the API to refuse.
     */
    public static Map<String, List<String>> parse(@Nullable String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** Percent-decodes one path or query part; a malformed encoding is kept as it was sent. */
    public static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
