package dev.selftest.cli.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * One instance's control API.
 *
 * @param base  the control API's base URL, such as {@code https://orders-1.internal:8080/selftest}
 * @param label how the instance is named in progress, summary and reports ({@code orders-1.internal:8080})
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Target(URI base, String label) {
    private static final String DEFAULT_BASE_PATH = "/selftest";

    /**
     * Reads a URL as given on the command line; a URL without a path gets the default base path {@code /selftest}.
     *
     * @throws IllegalArgumentException saying what a valid URL looks like
     */
    public static Target parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an http(s) URL; write it like "
                    + "https://orders.internal:8080/selftest");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = DEFAULT_BASE_PATH;
        }
        String authority = uri.getRawAuthority();
        URI base = URI.create(scheme + "://" + authority + path);
        String label = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return new Target(base, label);
    }

    /** A URL below the base, such as {@code /runs}. */
    public URI resolve(String pathBelowBase) {
        return URI.create(base + pathBelowBase);
    }

    /** A link the API answered with, such as {@code /selftest/runs/20261123-101500-a1b2c3}. */
    public URI link(String absolutePath) {
        return base.resolve(absolutePath);
    }

    /** The label in a form fit for file and suite names: letters, digits, '-' and '_'. */
    public String key() {
        return label.replaceAll("[^A-Za-z0-9-]", "_");
    }

    /** The same instance under another label (to tell apart two URLs on the same host and port). */
    public Target withLabel(String newLabel) {
        return new Target(base, newLabel);
    }
}
