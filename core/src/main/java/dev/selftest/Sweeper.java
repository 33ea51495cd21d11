package dev.selftest;

import org.apiguardian.api.API;

/**
 * Finds and removes test data that cleanup missed: names from {@link ScenarioContext#testDataName} all start
 * with {@link #TEST_DATA_PREFIX}; {@link SweepContext#isLeftover} tells which no running run still uses.
 * Sweepers run on {@code POST /selftest/cleanup} and every {@code selftest.cleanup.sweep-interval}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface Sweeper {
    /** Every name from {@link ScenarioContext#testDataName} starts with this. */
    String TEST_DATA_PREFIX = "selftest-";

    /** A short name for reports, such as {@code orders}. */
    String name();

    /** Removes leftovers and says how many. */
    int sweep(SweepContext context) throws Exception;

    /** A sweeper from a name and a function. */
    static Sweeper of(String name, SweepAction action) {
        return new Sweeper() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int sweep(SweepContext context) throws Exception {
                return action.sweep(context);
            }
        };
    }

    /** The work of a sweeper. */
    @FunctionalInterface
    interface SweepAction {
        int sweep(SweepContext context) throws Exception;
    }
}
