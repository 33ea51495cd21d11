package dev.selftest.internal.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for Selftest's executors: every thread is a daemon, so Selftest never keeps the application's JVM
 * alive, and is named so that a thread dump says what it is.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> daemon(task, prefix + "-" + number.incrementAndGet());
    }

    /** Threads all named {@code name}, for an executor of one thread. */
    public static ThreadFactory named(String name) {
        return task -> daemon(task, name);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
