package dev.selftest.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selftest.Trigger;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scheduled runs belong to the CDI container: they start with it, with nobody calling Selftest first. */
@QuarkusTest
@TestProfile(ScheduleProfileTests.Scheduled.class)
class ScheduleProfileTests {

    /** The smoke scenarios every second, from the start. */
    public static final class Scheduled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("selftest.schedule.enabled", "true",
                    "selftest.schedule.interval", "1s",
                    "selftest.schedule.initial-delay", "0s");
        }
    }

    @Inject
    FinishedRuns finishedRuns;

    @Test
    void scheduledRunsStartWithTheContainerWithoutARequest() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(finishedRuns.all())
                .anySatisfy(run -> {
                    assertThat(run.trigger()).isEqualTo(Trigger.SCHEDULE);
                    assertThat(run.scenarioIds()).containsExactly("greeting.passes");
                }));
    }
}
