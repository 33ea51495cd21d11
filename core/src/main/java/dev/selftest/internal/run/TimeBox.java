package dev.selftest.internal.run;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Runs code on a worker thread of its own with a time limit. At most {@code poolSize} pieces run at once. Code that
 * outlives its limit (or a cancellation) is interrupted; if it then ignores the interrupt for the grace period its
 * thread is abandoned: the caller moves on and the slot is freed, so a hung body never blocks later runs.
 */
final class TimeBox {

    /** Code that may throw anything. */
    @FunctionalInterface
    interface Work {
        void run() throws Throwable;
    }

    private final Semaphore slots;
    private final Duration interruptGrace;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final AtomicInteger threadNumber = new AtomicInteger();

    TimeBox(int poolSize, Duration interruptGrace) {
        this.slots = new Semaphore(poolSize, true);
        this.interruptGrace = interruptGrace;
    }

    /** Threads abandoned because their code ignored interrupts and has not returned yet. */
    int abandonedThreads() {
        return abandoned.get();
    }

    /**
     * Runs {@code work} and waits until it ends, {@code timeout} passes or {@code cancellation} completes. Never
     * throws: every ending is an {@link Attempt}.
     */
    Attempt run(String name, Work work, Duration timeout, CompletableFuture<?> cancellation) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(Attempt.Ending.CANCELLED, null, false);
        }
        AtomicBoolean slotHeld = new AtomicBoolean(true);
        CompletableFuture<@Nullable Throwable> done = new CompletableFuture<>();
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Thread worker = new Thread(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            try {
                work.run();
                done.complete(null);
            } catch (Throwable error) {
                done.complete(error);
            } finally {
                if (!slotHeld.compareAndSet(true, false)) {
                    abandoned.decrementAndGet();
                } else {
                    slots.release();
                }
                MDC.clear();
            }
        }, "selftest-" + name + "-" + threadNumber.incrementAndGet());
        worker.setDaemon(true);
        worker.start();

        Attempt.Ending ending = await(done, timeout, cancellation);
        if (ending == null) {
            Throwable error = done.join();
            return error == null ? Attempt.completed() : Attempt.threw(error);
        }
        worker.interrupt();
        if (awaitQuietly(done, interruptGrace)) {
            return new Attempt(ending, null, false);
        }
        if (slotHeld.compareAndSet(true, false)) {
            abandoned.incrementAndGet();
            slots.release();
        }
        return new Attempt(ending, null, true);
    }

    /** Null when {@code done} completed, else why the wait ended. */
    private static Attempt.@Nullable Ending await(CompletableFuture<?> done, Duration timeout,
                                                  CompletableFuture<?> cancellation) {
        try {
            CompletableFuture.anyOf(done, cancellation).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return done.isDone() ? null : Attempt.Ending.TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done.isDone() ? null : Attempt.Ending.CANCELLED;
        } catch (ExecutionException e) {
            // cancellation completed exceptionally: treat as cancelled
        }
        return done.isDone() ? null : Attempt.Ending.CANCELLED;
    }

    private static boolean awaitQuietly(CompletableFuture<?> done, Duration grace) {
        try {
            done.get(grace.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return done.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return done.isDone();
        }
    }
}
