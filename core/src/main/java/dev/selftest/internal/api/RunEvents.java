package dev.selftest.internal.api;

import dev.selftest.Run;
import dev.selftest.RunListener;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.jspecify.annotations.Nullable;

/**
 * What happens in runs, for their event streams ({@link EventStreams}). It listens from the start, before the control
 * API first answers, so a stream opened later still learns which scenario runs now.
 *
 * <p>The listener side only offers events to bounded queues, so a slow client never slows a run down; a client that
 * falls that far behind loses its stream (it reconnects and gets a fresh snapshot).
 */
public final class RunEvents implements RunListener {
    private static final int QUEUE_SIZE = 1024;

    private final Map<String, Set<Subscription>> subscribers = new ConcurrentHashMap<>();
    /** The scenario each run executes now, so that a late client learns it too. */
    private final Map<String, String> running = new ConcurrentHashMap<>();

    /** What happened, kept as values: JSON is written on the client's thread, not the run's. */
    record Event(String name, Run run, @Nullable String scenarioId, @Nullable ScenarioResult result) {
        boolean last() {
            return name.equals("run-finished");
        }
    }

    /** The events of one run for one client, in order. */
    static final class Subscription {
        final String runId;
        final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
        volatile boolean overflowed;

        private Subscription(String runId) {
            this.runId = runId;
        }
    }

    @Override
    public void runStarted(Run run) {
        publish(new Event("run-started", run, null, null));
    }

    @Override
    public void scenarioStarted(Run run, Scenario scenario) {
        running.put(run.id(), scenario.id());
        publish(new Event("scenario-started", run, scenario.id(), null));
    }

    @Override
    public void scenarioFinished(Run run, Scenario scenario, ScenarioResult result) {
        running.remove(run.id(), scenario.id());
        publish(new Event("scenario-finished", run, scenario.id(), result));
    }

    @Override
    public void runFinished(Run run) {
        running.remove(run.id());
        publish(new Event("run-finished", run, null, null));
    }

    private void publish(Event event) {
        Set<Subscription> listening = subscribers.get(event.run().id());
        if (listening == null) {
            return;
        }
        for (Subscription subscription : listening) {
            if (!subscription.queue.offer(event)) {
                subscription.overflowed = true;
            }
        }
    }

    /** Starts queueing the run's events for one client; {@link #unsubscribe} ends it. */
    Subscription subscribe(String runId) {
        Subscription subscription = new Subscription(runId);
        subscribers.compute(runId, (id, set) -> {
            Set<Subscription> listening = set == null ? new CopyOnWriteArraySet<>() : set;
            listening.add(subscription);
            return listening;
        });
        return subscription;
    }

    void unsubscribe(Subscription subscription) {
        subscribers.computeIfPresent(subscription.runId, (id, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }

    /** The scenario the run executes now, if any. */
    @Nullable String runningScenario(String runId) {
        return running.get(runId);
    }
}
