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
    /** Tests must run on the scenario's thread: that is where its context, timeout and cancellation live. */
    static final String PARALLEL = "junit.jupiter.execution.parallel.enabled";

    private Requests() {
    }

    /** @throws IllegalArgumentException when the tag expression is invalid */
    static LauncherDiscoveryRequest discovery(List<DiscoverySelector> selectors, @Nullable String tags,
                                              Map<String, String> parameters) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                .configurationParameter(PARALLEL, "false")
                .configurationParameters(parameters);
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
