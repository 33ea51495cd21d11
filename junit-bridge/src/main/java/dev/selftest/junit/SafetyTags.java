package dev.selftest.junit;

import org.apiguardian.api.API;

/**
 * The JUnit tags that declare what a bridged test does to the application, written as {@code @Tag(...)} or with
 * {@link ReadOnly @ReadOnly}, {@link SelfCleaning @SelfCleaning} and {@link Destructive @Destructive}.
 *
 * <p>A test without one of these tags is {@link dev.selftest.Safety#DESTRUCTIVE}: a check whose effect nobody
 * declared never runs in production. A scenario is as dangerous as its most dangerous test, so a class tagged
 * {@code selftest-readonly} with one method tagged {@code selftest-destructive} is destructive.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SafetyTags {
    /** No side effects at all: {@link dev.selftest.Safety#READ_ONLY}. */
    public static final String READ_ONLY = "selftest-readonly";
    /** Creates test data and removes all of it through cleanup: {@link dev.selftest.Safety#SELF_CLEANING}. */
    public static final String SELF_CLEANING = "selftest-self-cleaning";
    /** Changes shared state: {@link dev.selftest.Safety#DESTRUCTIVE}, never run in production. */
    public static final String DESTRUCTIVE = "selftest-destructive";

    private SafetyTags() {
    }
}
