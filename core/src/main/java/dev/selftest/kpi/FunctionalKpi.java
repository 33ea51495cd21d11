package dev.selftest.kpi;

import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The current values of one meter the application marked as a KPI.
 *
 * @param name        the Micrometer name, such as {@code orders.placed}
 * @param type        the Micrometer meter type in lower case ({@code counter}, {@code gauge}, {@code timer}, ...)
 * @param tags        its tags, without the marking tag
 * @param values      each measurement by its statistic in lower case ({@code count}, {@code value},
 *                    {@code total_time}, {@code max}, ...); times in seconds
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FunctionalKpi(String name, String type, Map<String, String> tags, @Nullable String description,
                            @Nullable String baseUnit, Map<String, Double> values) {
    public FunctionalKpi {
        tags = Map.copyOf(tags);
        values = Map.copyOf(values);
    }
}
