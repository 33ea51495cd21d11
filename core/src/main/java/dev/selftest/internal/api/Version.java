package dev.selftest.internal.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Selftest's own version, from the properties file Maven writes at build time. */
final class Version {
    private static final String CURRENT = load();

    private Version() {
    }

    static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/selftest/selftest-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
