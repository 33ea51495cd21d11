package dev.selftest.internal.ui;

import dev.selftest.api.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the dashboard: the page at {@code <base>/ui} and its assets at {@code <base>/ui/<name>}, loaded once from
 * the jar. Every response is public (the page holds no data or secrets) and carries {@link #CONTENT_SECURITY_POLICY}
 * and the other hardening headers.
 */
public final class Dashboard {

    /**
     * Only the page's own script, styles and API: no inline script or style, no other origin, no framing, and
     * Trusted Types required, so a string can never reach an HTML sink such as {@code innerHTML}.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

    private static final String RESOURCES = "/dev/selftest/ui/";
    private static final String BASE_PLACEHOLDER = "{{base}}";
    private static final List<String> ASSETS = List.of("dashboard.js", "dom.js", "charts.js", "data.js",
            "run-detail.js", "dashboard.css", "favicon.svg");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final String page;
    private final Map<String, byte[]> assets = new LinkedHashMap<>();

    public Dashboard() {
        this.page = new String(load("index.html"), StandardCharsets.UTF_8);
        ASSETS.forEach(name -> assets.put(name, load(name)));
    }

    /**
     * The page (for an empty {@code name}) or one of its assets; empty for any other name.
     *
     * @param basePath where the control API is mounted, written into the page so that it finds the API and assets
     */
    public Optional<ApiResponse> answer(String basePath, String name) {
        if (name.isEmpty()) {
            byte[] html = page.replace(BASE_PLACEHOLDER, escape(basePath)).getBytes(StandardCharsets.UTF_8);
            return Optional.of(ApiResponse.of(200, "text/html; charset=utf-8", html, headers()));
        }
        byte[] asset = assets.get(name);
        return asset == null ? Optional.empty()
                : Optional.of(ApiResponse.of(200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), asset,
                        headers()));
    }

    private static Map<String, String> headers() {
        return Map.of(
                "Content-Security-Policy", CONTENT_SECURITY_POLICY,
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer",
                "Cross-Origin-Opener-Policy", "same-origin",
                "Cache-Control", "no-cache");
    }

    /** Escapes text for an HTML attribute or element. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] load(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard resource " + RESOURCES + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard resource " + name, e);
        }
    }
}
