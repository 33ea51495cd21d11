package dev.selftest.internal.run;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort by start time and read well in URLs and test-data names: {@code 20261123-142512-9f3c}. */
final class RunIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    RunIds(Clock clock) {
        this.clock = clock;
    }

    String next() {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        return FORMAT.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
    }
}
