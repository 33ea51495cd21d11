package dev.selftest.internal.run;

import dev.selftest.internal.threads.DaemonThreads;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Runs code on a worker thread with a time limit. At most {@code poolSize} pieces run at once. Code that outlives its
 * limit (or a cancellation) is interrupted; if it then ignores the interrupt for the grace period its thread is
 * abandoned: the caller moves on and the slot is freed, so a hung body never blocks later runs.
 *
 * <p>Worker threads are reused (they end after a minute idle): a fresh thread per body costs more than a trivial body
 * itself, and code that warms up per thread (thread-local caches, allocation buffers) runs measurably slower on a
 * cold one; a bridged run of 1000 JUnit tests took ~12 % longer. An interrupt is only delivered while its piece runs (the pool clears a thread's interrupt status
 * before its next piece), and the MDC is cleared after each piece.
 */
final class TimeBox implements AutoCloseable {
    private static final String IDLE_NAME = "selftest-worker";

    /** Code that may throw anything. */
    @FunctionalInterface
    interface Work {
        void run() throws Throwable;
    }

    private final Semaphore slots;
    private final Duration interruptGrace;
    private final AtomicInteger abandoned = new AtomicInteger();
    private final ExecutorService workers;

    TimeBox(int poolSize, Duration interruptGrace) {
        this.slots = new Semaphore(poolSize, true);
        this.interruptGrace = interruptGrace;
        this.workers = Executors.newCachedThreadPool(DaemonThreads.numbered(IDLE_NAME));
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
        Piece piece = new Piece(name, work, MDC.getCopyOfContextMap());
        try {
            workers.execute(piece);
        } catch (RejectedExecutionException e) {
            slots.release();
            return new Attempt(Attempt.Ending.CANCELLED, null, false);
        }

        Attempt.Ending ending = await(piece.done, timeout, cancellation);
        if (ending == null) {
            Throwable error = piece.done.join();
            return error == null ? Attempt.completed() : Attempt.threw(error);
        }
        piece.interrupt();
        if (awaitQuietly(piece.done, interruptGrace)) {
            return new Attempt(ending, null, false);
        }
        if (piece.slotHeld.compareAndSet(true, false)) {
            abandoned.incrementAndGet();
            slots.release();
        }
        return new Attempt(ending, null, true);
    }

    /** Stops idle workers and interrupts any still running (abandoned) piece; later pieces are not run. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** One piece of work on a worker: names the thread after it, and takes interrupts only while it runs. */
    private final class Piece implements Runnable {
        final CompletableFuture<@Nullable Throwable> done = new CompletableFuture<>();
        final AtomicBoolean slotHeld = new AtomicBoolean(true);
        private final String name;
        private final Work work;
        private final @Nullable Map<String, String> mdc;
        private @Nullable Thread runningOn;
        private boolean interrupted;

        Piece(String name, Work work, @Nullable Map<String, String> mdc) {
            this.name = name;
            this.work = work;
            this.mdc = mdc;
        }

        @Override
        public void run() {
            Thread thread = Thread.currentThread();
            String idleName = thread.getName();
            thread.setName("selftest-" + name + idleName.substring(IDLE_NAME.length()));
            synchronized (this) {
                runningOn = thread;
                if (interrupted) {
                    thread.interrupt();
                }
            }
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            @Nullable Throwable failure = null;
            try {
                work.run();
            } catch (Throwable error) {
                failure = error;
            } finally {
                synchronized (this) {
                    runningOn = null;
                }
                if (!slotHeld.compareAndSet(true, false)) {
                    abandoned.decrementAndGet();
                } else {
                    slots.release();
                }
                MDC.clear();
                thread.setName(idleName);
                done.complete(failure);
            }
        }

        /** Interrupts the piece if it runs, or makes it start interrupted; does nothing once it finished. */
        synchronized void interrupt() {
            interrupted = true;
            if (runningOn != null) {
                runningOn.interrupt();
            }
        }
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
