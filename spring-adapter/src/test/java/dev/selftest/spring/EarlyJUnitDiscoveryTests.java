package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.spring.internal.EarlyJUnitDiscovery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EarlyJUnitDiscoveryTests {
    private static final SelftestProperties.Junit STARTED_WITH = junit("com.example.checks");
    private static final Scenario FOUND = Scenario.builder("com.example.checks.CatalogueChecks")
            .safety(Safety.READ_ONLY).body(context -> { }).build();

    @Test
    void givesWhatItFoundForTheSettingsItStartedWith() {
        EarlyJUnitDiscovery.Started started = new EarlyJUnitDiscovery.Started(STARTED_WITH,
                CompletableFuture.completedFuture(List.of(FOUND)));

        assertThat(started.scenariosFor(junit("com.example.checks"))).contains(List.of(FOUND));
    }

    @Test
    void givesNothingWhenTheSettingsChangedSinceItStarted() {
        EarlyJUnitDiscovery.Started started = new EarlyJUnitDiscovery.Started(STARTED_WITH,
                CompletableFuture.completedFuture(List.of(FOUND)));

        assertThat(started.scenariosFor(junit("com.example.other"))).isEmpty();
    }

    @Test
    void rethrowsWhyTheDiscoveryFailed() {
        EarlyJUnitDiscovery.Started started = new EarlyJUnitDiscovery.Started(STARTED_WITH,
                CompletableFuture.failedFuture(new IllegalStateException("hold no JUnit test class")));

        assertThatThrownBy(() -> started.scenariosFor(STARTED_WITH)).isInstanceOf(IllegalStateException.class)
                .hasMessage("hold no JUnit test class");
    }

    private static SelftestProperties.Junit junit(String packageName) {
        return new SelftestProperties.Junit(List.of(packageName), null, SelftestProperties.Granularity.CLASS,
                Duration.ofSeconds(30));
    }
}
