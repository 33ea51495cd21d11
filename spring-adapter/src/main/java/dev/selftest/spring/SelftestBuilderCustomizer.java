package dev.selftest.spring;

import dev.selftest.Selftest;
import org.apiguardian.api.API;

/**
 * Changes the {@link Selftest.Builder} before the auto-configured {@link Selftest} is built, for what beans cannot
 * say (a clock, settings computed at start-up). Scenario, sweeper, listener and safety-policy beans are added
 * without one.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface SelftestBuilderCustomizer {

    void customize(Selftest.Builder builder);
}
