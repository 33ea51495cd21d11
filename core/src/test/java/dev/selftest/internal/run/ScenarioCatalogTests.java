package dev.selftest.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.selftest.RunRejectedException;
import dev.selftest.Safety;
import dev.selftest.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTests {
    private static Scenario scenario(String id) {
        return Scenario.builder(id).safety(Safety.READ_ONLY).body(context -> { }).build();
    }

    @Test
    void aDiscoveryThatHangsHoldsNoCallerLongerThanTheWaitAndRunsOnItsOwnThread() throws Exception {
        CountDownLatch discovering = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> discoveredOn = new CopyOnWriteArrayList<>();
        List<Supplier<? extends Collection<Scenario>>> discoveries = List.of(() -> {
            discoveredOn.add(Thread.currentThread().getName());
            discovering.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(scenario("b"));
        });
        ScenarioCatalog catalog = new ScenarioCatalog(Map.of("a", scenario("a")), discoveries, Duration.ofMillis(100),
                discovered -> { });

        for (int caller = 1; caller <= 2; caller++) {
            assertThatThrownBy(catalog::all).as("caller %d", caller)
                    .isInstanceOfSatisfying(RunRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RunRejectedException.Reason.SCENARIOS_UNAVAILABLE);
                        assertThat(e.retryAfter()).isPositive();
                    }).hasMessage("scenarios are still being discovered after 100ms");
        }
        assertThat(discovering.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(catalog.undiscovered()).isTrue();
        assertThat(catalog.known()).extracting(Scenario::id).containsExactly("a");

        finish.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !catalog.undiscovered());
        assertThat(catalog.all()).containsOnlyKeys("a", "b");
        assertThat(discoveredOn).as("called once, on its own thread").containsExactly("selftest-discovery");
    }

    @Test
    void discoveriesRunInRegistrationOrderAndAreAnnouncedBeforeTheyAreSeen() {
        List<String> announced = new ArrayList<>();
        List<ScenarioCatalog> catalog = new ArrayList<>();
        catalog.add(new ScenarioCatalog(Map.of("a", scenario("a")),
                List.of(() -> List.of(scenario("b")), () -> List.of(scenario("c"))), Duration.ofSeconds(5),
                discovered -> {
                    assertThat(catalog.get(0).known()).as("announced before they are known")
                            .extracting(Scenario::id).containsExactly("a");
                    discovered.forEach(s -> announced.add(s.id()));
                }));

        assertThat(catalog.get(0).all()).containsOnlyKeys("a", "b", "c");
        assertThat(catalog.get(0).known()).extracting(Scenario::id).containsExactly("a", "b", "c");
        assertThat(catalog.get(0).undiscovered()).isFalse();
        assertThat(announced).containsExactly("b", "c");
    }

    @Test
    void withoutDiscoveriesTheCatalogIsCompleteAtOnce() {
        ScenarioCatalog catalog = new ScenarioCatalog(Map.of("a", scenario("a")), List.of(), Duration.ofSeconds(5),
                discovered -> { });

        assertThat(catalog.undiscovered()).isFalse();
        assertThat(catalog.all()).containsOnlyKeys("a");
    }
}
