package dev.selftest.junit.internal;

import dev.selftest.CleanupAction;
import dev.selftest.ConfigSource;
import dev.selftest.Environment;
import dev.selftest.StepResult;
import dev.selftest.Sweeper;
import dev.selftest.Trigger;
import dev.selftest.cleanup.CleanupHandler;
import dev.selftest.junit.SelftestContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The context of a test that JUnit runs on its own (under Surefire in CI): cleanup runs when JUnit closes the scope
 * the context was created in (after each test), steps become JUnit report entries, KPIs go to Micrometer's global
 * registry.
 */
final class StandaloneContext implements SelftestContext, AutoCloseable {
    private final String runId;
    private final String scenarioId;
    private final Environment environment;
    private final ConfigSource config;
    private final Map<String, CleanupHandler> handlers;
    private final BiConsumer<String, String> reportEntries;
    private final Deque<Registered> cleanup = new ArrayDeque<>();
    private final AtomicInteger dataNames = new AtomicInteger();
    private boolean closed;

    private record Registered(String description, CleanupAction action) {
    }

    StandaloneContext(String runId, String scenarioId, Environment environment, ConfigSource config,
                      Map<String, CleanupHandler> handlers, BiConsumer<String, String> reportEntries) {
        this.runId = runId;
        this.scenarioId = scenarioId;
        this.environment = environment;
        this.config = config;
        this.handlers = handlers;
        this.reportEntries = reportEntries;
    }

    @Override
    public URI targetUrl() {
        return TargetUrl.from(config);
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String scenarioId() {
        return scenarioId;
    }

    @Override
    public Trigger trigger() {
        return Trigger.CI;
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public void recordStep(StepResult step) {
        reportEntries.accept("step " + step.name(), step.outcome()
                + (step.message() == null ? "" : " - " + step.message()));
    }

    @Override
    public synchronized void cleanup(String description, CleanupAction action) {
        Objects.requireNonNull(description, "cleanup description");
        Objects.requireNonNull(action, "cleanup action");
        if (closed) {
            throw new IllegalStateException("test '" + scenarioId + "' already ended: register cleanup before it "
                    + "returns");
        }
        cleanup.push(new Registered(description, action));
    }

    /** Removes the resource when the test ends, with a handler given to the extension (no journal: nothing lasts). */
    @Override
    public void track(String type, String id) {
        CleanupHandler handler = handlers.get(type);
        if (handler == null) {
            throw new IllegalArgumentException("no cleanup handler for '" + type + "' in this standalone JUnit run: "
                    + "register one with @RegisterExtension static SelftestExtension SELFTEST = "
                    + "new SelftestExtension().cleanupHandler(\"" + type + "\", id -> ...)");
        }
        cleanup(type + " " + id + " (tracked)", () -> handler.remove(id));
    }

    @Override
    public String testDataName(String label) {
        String safeLabel = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Sweeper.TEST_DATA_PREFIX + runId + "-" + safeLabel + "-" + dataNames.incrementAndGet();
    }

    @Override
    public MeterRegistry kpis() {
        return Metrics.globalRegistry;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** Runs every cleanup action, last registered first; throws the first failure with the others suppressed. */
    @Override
    public void close() {
        IllegalStateException first = null;
        while (true) {
            Registered next;
            synchronized (this) {
                closed = true;
                next = cleanup.poll();
            }
            if (next == null) {
                break;
            }
            first = runCleanup(next, first);
        }
        if (first != null) {
            throw first;
        }
    }

    private static @Nullable IllegalStateException runCleanup(Registered registered,
                                                            @Nullable IllegalStateException failures) {
        try {
            registered.action().run();
            return failures;
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("cleanup '" + registered.description()
                    + "' failed: " + e.getMessage(), e);
            if (failures == null) {
                return failure;
            }
            failures.addSuppressed(failure);
            return failures;
        }
    }
}
