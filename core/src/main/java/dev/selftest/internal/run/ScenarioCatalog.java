package dev.selftest.internal.run;

import dev.selftest.RunRejectedException;
import dev.selftest.Scenario;
import dev.selftest.internal.config.Durations;
import dev.selftest.internal.threads.DaemonThreads;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenarios of a Selftest: the ones registered on its builder, and the ones that discoveries added with
 * {@code Selftest.Builder.discoverScenarios(Supplier)} find, such as JUnit checks packaged with the application. A
 * discovery runs once, on a thread of its own, when a run, the scenario list or a scheduled run first
 * {@linkplain #all() needs every scenario}, never during start-up; callers that need them meanwhile wait for it, at
 * most the discovery wait, so a discovery that hangs holds no caller's thread (an HTTP worker, say) for longer. When
 * a discovery fails or finds an id that is already taken, the failure is logged and runs are refused with its reason
 * from then on.
 */
public final class ScenarioCatalog {
    /** How long a caller waits for the discovery. */
    public static final Duration DISCOVERY_WAIT = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioCatalog.class);

    private final List<Supplier<? extends Collection<Scenario>>> discoveries;
    private final Duration discoveryWait;
    private final Consumer<List<Scenario>> onDiscovery;
    private final AtomicBoolean discoveryStarted = new AtomicBoolean();
    private final CompletableFuture<Map<String, Scenario>> complete = new CompletableFuture<>();
    private volatile Map<String, Scenario> known;

    /**
     * @param registered    the scenarios known now, by id, in registration order
     * @param discoveries   each finds more scenarios, added after {@code registered} in this order
     * @param discoveryWait how long {@link #all()} waits for the discovery
     * @param onDiscovery   hears the discovered scenarios before any caller can see them
     */
    public ScenarioCatalog(Map<String, Scenario> registered, List<Supplier<? extends Collection<Scenario>>> discoveries,
                           Duration discoveryWait, Consumer<List<Scenario>> onDiscovery) {
        this.known = Collections.unmodifiableMap(new LinkedHashMap<>(registered));
        this.discoveries = List.copyOf(discoveries);
        this.discoveryWait = discoveryWait;
        this.onDiscovery = onDiscovery;
        if (this.discoveries.isEmpty()) {
            complete.complete(known);
        }
    }

    /** The scenarios known now, in registration order, without discovering any. */
    public List<Scenario> known() {
        return List.copyOf(known.values());
    }

    /** A scenario known now. */
    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(known.get(id));
    }

    /** Whether discoveries have yet to run (or finish). */
    public boolean undiscovered() {
        return !complete.isDone();
    }

    /**
     * Every scenario by id, in registration order: starts the discoveries on their own thread if no caller did yet,
     * and waits for them (at most the discovery wait).
     *
     * @throws RunRejectedException ({@link RunRejectedException.Reason#SCENARIOS_UNAVAILABLE}) when a discovery
     *                              failed or has not finished in time
     */
    public Map<String, Scenario> all() {
        if (!complete.isDone() && discoveryStarted.compareAndSet(false, true)) {
            DaemonThreads.named("selftest-discovery").newThread(this::discover).start();
        }
        try {
            return complete.get(discoveryWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw RunRejectedException.scenariosUnavailable("scenarios could not be discovered: "
                    + describe(e.getCause()) + "; see the service's log", Duration.ZERO);
        } catch (TimeoutException e) {
            throw RunRejectedException.scenariosUnavailable("scenarios are still being discovered after "
                    + Durations.format(discoveryWait), Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RunRejectedException.shuttingDown();
        }
    }

    private void discover() {
        long started = System.nanoTime();
        try {
            Map<String, Scenario> all = known;
            for (Supplier<? extends Collection<Scenario>> discovery : discoveries) {
                all = merge(all, discovery.get());
            }
            List<Scenario> discovered = all.values().stream().filter(s -> !known.containsKey(s.id())).toList();
            onDiscovery.accept(discovered);
            known = all;
            complete.complete(all);
            LOG.info("Discovered {} more scenarios in {}; {} in all", discovered.size(),
                    Durations.format(Duration.ofNanos(System.nanoTime() - started)), all.size());
        } catch (RuntimeException | Error e) {
            LOG.error("Scenario discovery failed; runs are refused until the service is fixed and restarted: {}",
                    describe(e), e);
            complete.completeExceptionally(e);
        }
    }

    private static Map<String, Scenario> merge(Map<String, Scenario> known, Collection<Scenario> discovered) {
        Map<String, Scenario> merged = new LinkedHashMap<>(known);
        for (Scenario scenario : discovered) {
            Scenario previous = merged.putIfAbsent(scenario.id(), scenario);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate scenario id '" + scenario.id() + "': registered from "
                        + previous.source() + " and again from " + scenario.source());
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }
}
