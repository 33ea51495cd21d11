package dev.selftest.junit.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** The launcher requests of the bridge: Jupiter only, tag-filtered, and on the caller's thread. */
final class Requests {
    /**
     * What the bridge always sets, whatever the application's {@code junit-platform.properties} says: tests run on
     * the scenario's thread (where its context, timeout and cancellation live); JUnit never swaps the live service's
     * {@code System.out}/{@code System.err} to capture output, nor writes report files into it.
     */
    private static final Map<String, String> IN_SERVICE = Map.of(
            "junit.jupiter.execution.parallel.enabled", "false",
            "junit.platform.output.capture.stdout", "false",
            "junit.platform.output.capture.stderr", "false",
            "junit.platform.reporting.open.xml.enabled", "false");

    private Requests() {
    }

    /** @throws IllegalArgumentException when the tag expression is invalid */
    static LauncherDiscoveryRequest discovery(List<DiscoverySelector> selectors, @Nullable String tags,
                                              Map<String, String> parameters) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .configurationParameters(parameters)
                .configurationParameters(IN_SERVICE);
        if (tags != null) {
            try {
                request.filters(TagFilter.includeTags(tags));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("tag expression '" + tags + "' is invalid: " + e.getMessage(), e);
            }
        }
        return request.build();
    }
}
