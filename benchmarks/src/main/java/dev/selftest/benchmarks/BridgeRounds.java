package dev.selftest.benchmarks;

import dev.selftest.benchmarks.junit.ThousandTests;
import java.util.ArrayList;
import java.util.List;

/**
 * The two halves of {@link JUnitBenchmark} in one JVM, alternating round by round (the order swapping every round),
 * so that both run with the same compiled code, heap and machine state. Separate JMH forks compare two JVMs as well
 * as two paths, and on a noisy virtual machine single forks differ by more than the bridge costs; here each round is
 * a pair measured within a few milliseconds.
 *
 * <p>{@code java -cp benchmarks.jar dev.selftest.benchmarks.BridgeRounds [ROUNDS]} runs {@code ROUNDS} (default 300)
 * measured rounds after half as many unmeasured ones, and prints one line per measured round: the raw Launcher's
 * milliseconds and the bridge's, tab-separated. Progress goes to standard error.
 */
public final class BridgeRounds {
    private static final int DEFAULT_ROUNDS = 300;

    /** One round: how long each half took, in milliseconds. */
    public record Round(double launcherMillis, double bridgeMillis) {
    }

    private BridgeRounds() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length == 0 ? DEFAULT_ROUNDS : rounds(args[0]);
        for (Round round : measure(rounds / 2, rounds)) {
            System.out.printf("%.3f\t%.3f%n", round.launcherMillis(), round.bridgeMillis());
        }
    }

    private static int rounds(String argument) {
        if (!argument.matches("[1-9][0-9]{0,5}")) {
            throw new IllegalArgumentException("ROUNDS must be a whole number from 1 to 999999, not '" + argument + "'");
        }
        return Integer.parseInt(argument);
    }

    /**
     * Runs {@code warmUp} unmeasured rounds, then {@code rounds} measured ones.
     *
     * @throws IllegalArgumentException when {@code warmUp} is negative or {@code rounds} is not positive
     * @throws IllegalStateException    when either half did not pass all of the thousand tests
     */
    public static List<Round> measure(int warmUp, int rounds) throws InterruptedException {
        if (warmUp < 0 || rounds < 1) {
            throw new IllegalArgumentException("needs no negative warm-up and at least one round, not " + warmUp
                    + " and " + rounds);
        }
        JUnitBenchmark benchmark = new JUnitBenchmark();
        JUnitBenchmark.Direct direct = new JUnitBenchmark.Direct();
        JUnitBenchmark.Bridged bridged = new JUnitBenchmark.Bridged();
        direct.start();
        bridged.start();
        try {
            List<Round> measured = new ArrayList<>(rounds);
            for (int i = 0; i < warmUp + rounds; i++) {
                double launcher;
                double bridge;
                if (i % 2 == 0) {
                    launcher = millis(() -> benchmark.launcherDirectly(direct));
                    bridge = millis(() -> benchmark.throughTheBridge(bridged));
                } else {
                    bridge = millis(() -> benchmark.throughTheBridge(bridged));
                    launcher = millis(() -> benchmark.launcherDirectly(direct));
                }
                if (i >= warmUp) {
                    measured.add(new Round(launcher, bridge));
                }
                if ((i + 1) % 100 == 0) {
                    System.err.printf("BridgeRounds: %d of %d rounds (%d unmeasured)%n", i + 1, warmUp + rounds,
                            warmUp);
                }
            }
            return measured;
        } finally {
            direct.stop();
            bridged.stop();
        }
    }

    /** A half of a round: runs the thousand tests and returns how many passed. */
    @FunctionalInterface
    private interface Half {
        long run() throws InterruptedException;
    }

    private static double millis(Half half) throws InterruptedException {
        long start = System.nanoTime();
        long passed = half.run();
        double millis = (System.nanoTime() - start) / 1e6;
        if (passed != ThousandTests.COUNT) {
            throw new IllegalStateException(passed + " of " + ThousandTests.COUNT + " tests passed");
        }
        return millis;
    }
}
