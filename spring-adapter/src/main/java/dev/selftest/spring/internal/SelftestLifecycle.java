package dev.selftest.spring.internal;

import dev.selftest.Selftest;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Ties Selftest's background work to the application's lifecycle: meter registration, the cleanup journal's replay
 * and scheduled runs start once the application is ready (never while it is still starting, where they would only
 * take CPU from it), and scheduled runs stop as soon as it begins to shut down, before the web server stops taking
 * requests.
 */
public final class SelftestLifecycle implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {
    private final Selftest selftest;
    private volatile boolean running;

    public SelftestLifecycle(Selftest selftest) {
        this.selftest = selftest;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        selftest.startBackgroundWork();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        selftest.stopSchedule();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
