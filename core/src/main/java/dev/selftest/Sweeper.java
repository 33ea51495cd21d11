package dev.selftest;

import org.apiguardian.api.API;

/**
 * Finds and removes test data that cleanup missed, for example rows whose name starts with
 * {@link #TEST_DATA_PREFIX} and are older than an hour. Sweepers run on {@code POST /selftest/cleanup}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Sweeper {
    /** Every name from {@link ScenarioContext#testDataName} starts with this. */
    String TEST_DATA_PREFIX = "selftest-";

    /** A short name for reports, such as {@code orders}. */
    String name();

    /** Removes leftovers and says how many. */
    int sweep() throws Exception;

    /** A sweeper from a name and a function. */
    static Sweeper of(String name, SweepAction action) {
        return new Sweeper() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int sweep() throws Exception {
                return action.sweep();
            }
        };
    }

    /** The work of a sweeper. */
    @FunctionalInterface
    interface SweepAction {
        int sweep() throws Exception;
    }
}
