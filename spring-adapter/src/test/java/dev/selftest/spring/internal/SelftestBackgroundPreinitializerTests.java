package dev.selftest.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.selftest.ConfigSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;

@ExtendWith(OutputCaptureExtension.class)
class SelftestBackgroundPreinitializerTests {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> registered = new CopyOnWriteArrayList<>();
    /** How many throwaway instances were built: each asks for a registry of its own. */
    private final AtomicInteger builds = new AtomicInteger();

    SelftestBackgroundPreinitializerTests() {
        registry.config().onMeterAdded(meter -> registered.add(meter.getId().getName()));
    }

    @Test
    void springBootFindsItAmongItsBackgroundPreinitializers() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class))
                .hasAtLeastOneElementOfType(SelftestBackgroundPreinitializer.class);
    }

    @Test
    void buildsAThrowawaySelftestAndClosesItQuietlyLeavingNoMeterAndNoThread(CapturedOutput output) {
        Set<Thread> before = selftestThreads();

        preinitializer(Map.of(), false).preinitialize();

        assertThat(builds).hasValue(1);
        assertThat(registered).as("its background work, meters included, is never started").isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(selftestThreads()).isSubsetOf(before));
        assertThat(output).doesNotContain("WARN").doesNotContain("control API is off");
    }

    @Test
    void warmsUpWhenSelftestIsExplicitlyEnabled() {
        preinitializer(Map.of("selftest.enabled", "true"), false).preinitialize();

        assertThat(builds).hasValue(1);
    }

    @Test
    void doesNothingWhenSelftestIsDisabledBySystemPropertyOrEnvironmentVariable() {
        preinitializer(Map.of("selftest.enabled", "false"), false).preinitialize();
        new SelftestBackgroundPreinitializer(ConfigSource.environmentVariables(Map.of("SELFTEST_ENABLED", " FALSE")),
                () -> false, this::registry).preinitialize();

        assertThat(builds).hasValue(0);
    }

    @Test
    void doesNothingWhenTheJvmReadsApplicationClassesFromAnArchive() {
        preinitializer(Map.of(), true).preinitialize();

        assertThat(builds).hasValue(0);
    }

    @Test
    void tellsAJvmWithAClassDataArchiveFromOneWithout(@TempDir Path directory) throws Exception {
        assertThat(SelftestBackgroundPreinitializer.applicationClassesArchived()).as("this JVM").isFalse();
        assertThat(probe("-XX:SharedArchiveFile=" + directory.resolve("application.jsa"))).isEqualTo("true");
    }

    private SelftestBackgroundPreinitializer preinitializer(Map<String, String> config, boolean classesArchived) {
        return new SelftestBackgroundPreinitializer(ConfigSource.of(config), () -> classesArchived, this::registry);
    }

    private MeterRegistry registry() {
        builds.incrementAndGet();
        return registry;
    }

    /** What {@link ArchiveProbe} prints in a JVM started with the given option. */
    private static String probe(String option) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), option, "-Xshare:auto", "-Xlog:disable",
                "-cp", System.getProperty("java.class.path"), ArchiveProbe.class.getName()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static Set<Thread> selftestThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("selftest-"))
                .collect(Collectors.toSet());
    }
}
