package dev.selftest.junit.internal;

import dev.selftest.ConfigSource;
import dev.selftest.junit.SelftestContext;
import java.net.URI;

/** Reads the base URL of the service under test from configuration. */
final class TargetUrl {
    private TargetUrl() {
    }

    /** @throws IllegalStateException saying how to configure it, when it is missing or not an http(s) URL */
    static URI from(ConfigSource config) {
        String key = SelftestContext.TARGET_URL;
        String value = config.value(key).orElseThrow(() -> new IllegalStateException("no target URL configured: "
                + "set the JUnit configuration parameter or system property " + key + " or the environment "
                + "variable " + ConfigSource.environmentVariableName(key) + ", such as http://localhost:8080"));
        try {
            URI url = URI.create(value.trim());
            if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("not an absolute http(s) URL");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + " '" + value + "' is invalid: use an absolute http(s) URL such "
                    + "as http://localhost:8080", e);
        }
    }
}
