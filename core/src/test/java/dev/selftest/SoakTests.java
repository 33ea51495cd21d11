package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Thousands of runs in a row: history stays bounded, heap stays flat, no threads pile up. */
class SoakTests {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void thousandsOfRunsLeaveHeapAndThreadsFlat() throws Exception {
        try (Selftest selftest = Scenarios.selftest()
                .setting("selftest.runner.max-runs-per-minute", "100000")
                .setting("selftest.history.size", "50")
                .scenario(Scenarios.readOnly("passes", context -> context.step("step", () -> { })))
                .scenario(Scenarios.readOnly("fails", context -> {
                    context.cleanup("nothing", () -> { });
                    throw new AssertionError("x".repeat(1000));
                }))
                .build()) {
            runs(selftest, 500);
            long heapAfterWarmUp = usedHeapAfterGc();
            int threadsAfterWarmUp = Thread.activeCount();

            runs(selftest, 4000);

            assertThat(selftest.runs()).hasSize(50);
            assertThat(usedHeapAfterGc() - heapAfterWarmUp).as("heap growth in bytes over 4000 runs")
                    .isLessThan(16L * 1024 * 1024);
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsAfterWarmUp + 4);
            assertThat(selftest.stats("passes").executions()).isEqualTo(100);
        }
    }

    private static void runs(Selftest selftest, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Run run = selftest.run(RunRequest.all(), WAIT);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
