package dev.selftest.junit.internal;

import dev.selftest.ScenarioBody;
import dev.selftest.ScenarioContext;
import dev.selftest.junit.SelftestContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * The body of a bridged scenario: runs its test class (or method) through the Launcher on the scenario's thread,
 * where {@link ScenarioContext#current()} is the run's context, and ends as its tests ended.
 */
final class TestsBody implements ScenarioBody {
    private final Launcher launcher;
    private final UniqueId tests;
    private final ClassLoader classLoader;
    private final Selection selection;

    TestsBody(Launcher launcher, UniqueId tests, ClassLoader classLoader, Selection selection) {
        this.launcher = launcher;
        this.tests = tests;
        this.classLoader = classLoader;
        this.selection = selection;
    }

    @Override
    public void run(ScenarioContext context) throws Exception {
        long deadline = System.nanoTime() + selection.timeout().toNanos();
        Supplier<URI> targetUrl = selection.targetUrl();
        Map<String, String> parameters = targetUrl == null ? Map.of()
                : Map.of(SelftestContext.TARGET_URL, targetUrl.get().toString());
        LauncherDiscoveryRequest request = Requests.discovery(List.of(DiscoverySelectors.selectUniqueId(tests)),
                selection.tags(), parameters);
        StepRecorder recorder = new StepRecorder(context, deadline);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            LauncherExecution.execute(launcher, request, recorder);
        } finally {
            thread.setContextClassLoader(previous);
        }
        recorder.verdict();
    }
}
