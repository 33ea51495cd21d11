package dev.selftest.samples.orders;

import dev.selftest.ConfigSource;
import dev.selftest.junit.SelftestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * CI mode: Surefire runs the service's JUnit checks (in the main source set, so they ship in the jar) as ordinary
 * tests against the service started here. The very same classes run inside the service through
 * {@code POST /selftest/runs}.
 */
@Suite
@SelectPackages("dev.selftest.samples.orders.checks")
@IncludeClassNamePatterns(".*Checks")
class OrdersChecksTests {
    private static OrdersService service;
    private static Path dataDir;

    @BeforeSuite
    static void startTheService() throws IOException {
        dataDir = Files.createTempDirectory("orders-checks");
        service = OrdersService.start(0, dataDir, ConfigSource.of(Map.of("selftest.environment", "ci")));
        System.setProperty(SelftestContext.TARGET_URL, service.baseUri().toString());
    }

    @AfterSuite
    static void stopTheService() {
        System.clearProperty(SelftestContext.TARGET_URL);
        service.close();
    }
}
