package dev.selftest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** Why a run was started. Written in lower case in the HTTP API and reports. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Trigger {
    CI, DEPLOY, SCHEDULE, MANUAL;

    /** The lower-case name used on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name such as {@code deploy}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Trigger fromWireName(String name) {
        for (Trigger trigger : values()) {
            if (trigger.wireName().equals(name)) {
                return trigger;
            }
        }
        throw new IllegalArgumentException("unknown trigger '" + name + "'; use one of "
                + Arrays.stream(values()).map(Trigger::wireName).collect(Collectors.joining(", ")));
    }
}
