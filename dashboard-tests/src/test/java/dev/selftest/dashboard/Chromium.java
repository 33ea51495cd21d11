package dev.selftest.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages ({@code apt-get install -y chromium chromium-driver}), driven by
 * Selenium with the driver given explicitly, so Selenium Manager never downloads a browser or driver. As an
 * extension it skips a test class, saying how to install the browser, when the browser or its driver is absent.
 */
final class Chromium implements ExecutionCondition {
    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install -y chromium chromium-driver";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium is installed");
        }
        String reason = "Chromium is not installed (" + BINARY + ", " + DRIVER + "); install it with: " + INSTALL;
        System.err.println("SKIPPED browser tests: " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1360,1100",
                "--force-prefers-reduced-motion", "--lang=en");
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    static Path screenshotDirectory() {
        Path directory = Path.of(System.getProperty("screenshot.dir", "target/screenshots"));
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
