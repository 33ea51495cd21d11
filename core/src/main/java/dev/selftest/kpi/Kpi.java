package dev.selftest.kpi;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import org.apiguardian.api.API;

/**
 * Marks an application meter as a functional KPI, so that {@code /selftest/kpis} and the dashboard show it. Either
 * tag the meter with {@link #TAG}, or name it with {@code Selftest.builder().kpi("orders.placed")}.
 *
 * <pre>{@code
 * Counter placed = Counter.builder("orders.placed").tags(Kpi.TAGS).register(registry);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Kpi {

    /** The key of the marking tag ({@code kpi}). */
    public static final String TAG_KEY = "kpi";

    /** The marking tag, {@code kpi=true}. */
    public static final Tag TAG = Tag.of(TAG_KEY, "true");

    /** The marking tag as varargs-friendly key/value pairs, for {@code Counter.builder(..).tags(Kpi.TAGS)}. */
    public static final String[] TAGS = {TAG_KEY, "true"};

    private Kpi() {
    }

    /** True when the meter carries the marking tag. */
    public static boolean isMarked(Meter.Id id) {
        return "true".equals(id.getTag(TAG_KEY));
    }
}
