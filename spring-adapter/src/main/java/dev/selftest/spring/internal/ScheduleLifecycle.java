package dev.selftest.spring.internal;

import dev.selftest.Selftest;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Ties scheduled runs to the application's lifecycle: they start once the application is ready (never while it is
 * still starting) and stop as soon as it begins to shut down, before the web server stops taking requests.
 */
public final class ScheduleLifecycle implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {
    private final Selftest selftest;
    private volatile boolean running;

    public ScheduleLifecycle(Selftest selftest) {
        this.selftest = selftest;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        selftest.startSchedule();
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
