package dev.selftest.kpi;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How many finished runs in a window passed. Cancelled runs are left out.
 *
 * @param runs   runs judged
 * @param passed of those, how many passed
 * @param rate   {@code passed / runs}, from 0 to 1; null when no run was judged
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PassRate(int runs, int passed, @Nullable Double rate) {

    public static PassRate of(int runs, int passed) {
        if (passed < 0 || passed > runs) {
            throw new IllegalArgumentException("passed must be from 0 to runs (" + runs + "), was " + passed);
        }
        return new PassRate(runs, passed, runs == 0 ? null : passed / (double) runs);
    }
}
