package dev.selftest.spring.internal;

/** Prints whether the JVM it runs in reads application classes from an archive, for a test that starts it. */
final class ArchiveProbe {
    private ArchiveProbe() {
    }

    public static void main(String[] args) {
        System.out.println(SelftestBackgroundPreinitializer.applicationClassesArchived());
    }
}
