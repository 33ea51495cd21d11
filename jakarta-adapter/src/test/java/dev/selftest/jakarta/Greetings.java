package dev.selftest.jakarta;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The test application's "data": greetings that scenarios create and cleanup must remove. */
final class Greetings {
    private static final Set<String> EXISTING = ConcurrentHashMap.newKeySet();

    private Greetings() {
    }

    static String create(String name) {
        EXISTING.add(name);
        return name;
    }

    /** Fails for a greeting that does not exist, so that a cleanup which never happened cannot pass as one. */
    static void remove(String name) {
        if (!EXISTING.remove(name)) {
            throw new IllegalStateException("no greeting " + name);
        }
    }
}
