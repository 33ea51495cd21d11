package dev.selftest.internal.run;

import org.jspecify.annotations.Nullable;

/**
 * How one time-boxed piece of code ended.
 *
 * @param error     what it threw ({@link Ending#THREW} only)
 * @param abandoned it ignored the interrupt and its thread was left behind
 */
record Attempt(Ending ending, @Nullable Throwable error, boolean abandoned) {
    enum Ending { COMPLETED, THREW, TIMED_OUT, CANCELLED }

    static Attempt completed() {
        return new Attempt(Ending.COMPLETED, null, false);
    }

    static Attempt threw(Throwable error) {
        return new Attempt(Ending.THREW, error, false);
    }
}
