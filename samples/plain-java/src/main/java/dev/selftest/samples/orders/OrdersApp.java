package dev.selftest.samples.orders;

import dev.selftest.ConfigSource;
import dev.selftest.Outcome;
import dev.selftest.Run;
import dev.selftest.RunListener;
import dev.selftest.RunRejectedException;
import dev.selftest.RunRequest;
import dev.selftest.Scenario;
import dev.selftest.ScenarioResult;
import dev.selftest.Trigger;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the orders service and, unless {@code SELFTEST_RUN_ON_START=false}, runs its suite once right away,
 * printing each scenario as it finishes. Environment: {@code PORT} (8080), {@code DATA_DIR} (./data),
 * {@code SELFTEST_TOKEN} (turns the control API on), {@code SELFTEST_ENVIRONMENT} (dev).
 */
public final class OrdersApp {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersApp.class);

    private OrdersApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Path dataDir = Path.of(System.getenv().getOrDefault("DATA_DIR", "data"));
        OrdersService service = OrdersService.start(port, dataDir, ConfigSource.systemAndEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "orders-shutdown"));
        String base = "http://localhost:" + service.port();
        LOG.info("Orders service listening on {} (environment '{}', data in {})", base,
                service.selftest().environment().name(), dataDir.toAbsolutePath());
        if (!"false".equals(System.getenv("SELFTEST_RUN_ON_START"))) {
            runSuiteOnce(service);
        }
        LOG.info("Self-test control API: {}/selftest   Try:", base);
        LOG.info("  curl -H \"Authorization: Bearer $SELFTEST_TOKEN\" {}/selftest/scenarios", base);
        LOG.info("  curl -X POST -H \"Authorization: Bearer $SELFTEST_TOKEN\" \"{}/selftest/runs?wait=60s\"", base);
        LOG.info("  curl {}/selftest/health/ready     (public; scheduled runs every minute feed it)", base);
        LOG.info("  curl -H \"Authorization: Bearer $SELFTEST_TOKEN\" {}/selftest/kpis", base);
        LOG.info("  curl -H \"Authorization: Bearer $SELFTEST_TOKEN\" {}/selftest/metrics", base);
    }

    /** Runs every scenario the environment allows and prints progress and the verdict. */
    private static void runSuiteOnce(OrdersService service) throws InterruptedException {
        RunListener progress = new RunListener() {
            @Override
            public void scenarioFinished(Run run, Scenario scenario, ScenarioResult result) {
                LOG.info("  [{}/{}] {} {} ({} ms){}", run.results().size(), run.scenarioIds().size(),
                        result.outcome(), scenario.id(), result.duration().toMillis(),
                        result.failure() == null ? "" : ": " + result.failure().message());
            }
        };
        service.selftest().addListener(progress);
        try {
            Run run = service.selftest().run(RunRequest.builder().trigger(Trigger.MANUAL).build(),
                    Duration.ofMinutes(2));
            LOG.info("Self-test {}: {} passed, {} failed of {} (run {})", run.status(),
                    run.count(Outcome.PASSED), run.results().size() - run.count(Outcome.PASSED),
                    run.scenarioIds().size(), run.id());
        } catch (RunRejectedException e) {
            LOG.warn("Self-test not run: {}", e.getMessage());
        } finally {
            service.selftest().removeListener(progress);
        }
    }
}
