package dev.selftest.internal.run;

import java.time.Duration;

/**
 * A token bucket for starting runs: {@code perMinute} starts per minute on average, bursts up to the same number.
 * Guards a production service against a caller (or a leaked token) starting runs in a loop.
 */
final class RunRateLimit {
    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    RunRateLimit(int perMinute) {
        this.capacity = perMinute;
        this.tokensPerNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.tokens = perMinute;
        this.lastRefill = System.nanoTime();
    }

    /** Takes a token; when none is left, returns how long until one is. */
    synchronized Duration tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
