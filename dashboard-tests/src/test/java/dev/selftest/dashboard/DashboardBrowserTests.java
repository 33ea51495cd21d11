package dev.selftest.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.selftest.Run;
import dev.selftest.RunStatus;
import dev.selftest.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/** The dashboard in headless Chromium against a real embedded server. */
@ExtendWith(Chromium.class)
class DashboardBrowserTests {
    private static ChromeDriver driver;
    private ShopService shop;
    private DashboardPage page;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        driver = Chromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void openPage() {
        driver.manage().window().setSize(new Dimension(1360, 1100));
        page = new DashboardPage(driver);
    }

    @AfterEach
    void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    void showsScenariosWithTagsSafetyAndRefusalOnceATokenIsEntered() {
        shop = ShopService.start();
        page.open(shop.page());

        assertThat(page.rows()).isEmpty();
        assertThat(page.button("run-selected").isEnabled()).isFalse();
        assertThat(page.button("run-all").isEnabled()).isFalse();

        page.connect(ShopService.TOKEN);

        assertThat(page.attributes("tr[data-scenario]", "data-scenario")).containsExactly(
                ShopService.CATALOGUE, ShopService.ORDERS, ShopService.SEARCH, ShopService.RESET, ShopService.GATED);
        assertThat(page.texts(DashboardPage.row(ShopService.ORDERS) + " .tag")).containsExactly("critical", "smoke");
        assertThat(page.textOf(By.cssSelector(DashboardPage.row(ShopService.ORDERS))))
                .contains("An order can be placed and cancelled", "self cleaning", "never run");
        assertThat(page.texts(DashboardPage.row(ShopService.RESET) + " .refusal-note"))
                .containsExactly("Not here: " + ShopService.REFUSAL);
        assertThat(page.texts(DashboardPage.row(ShopService.SEARCH) + " [data-missing]"))
                .containsExactly("Test data not configured here: " + ShopService.SEARCH_ACCOUNT);
        assertThat(page.texts(DashboardPage.row(ShopService.CATALOGUE) + " [data-missing]")).isEmpty();
        assertThat(page.button("run-all").isEnabled()).isTrue();
        assertThat(driver.findElement(By.id("service")).getText()).contains("production");
    }

    @Test
    void showsHealthAndItsChecksWithoutAToken() {
        shop = ShopService.start();
        page.open(shop.page());

        page.await(d -> page.textOf(By.cssSelector("#health li[data-probe='ready']")).contains("UP"));
        assertThat(page.attributes("#health li[data-probe='ready']", "title")).containsExactly("database: UP");
        assertThat(page.textOf(By.cssSelector("#health li[data-probe='live']"))).contains("UP");
        assertThat(driver.findElement(By.id("overview")).getText()).contains("database");
        assertThat(page.rows()).isEmpty();
    }

    @Test
    void keepsTheTokenInTheTabSessionOnlyAndDropsARejectedOne() {
        shop = ShopService.start();
        page.open(shop.page());

        driver.findElement(By.id("token")).sendKeys("wrong-token", Keys.ENTER);
        page.await(d -> d.findElement(By.id("notice")).getText().contains("The token was not accepted"));
        assertThat(page.script("return sessionStorage.getItem('selftest.token');")).isNull();
        assertThat(page.rows()).isEmpty();

        page.connect(ShopService.TOKEN);
        assertThat(page.script("return sessionStorage.getItem('selftest.token');")).isEqualTo(ShopService.TOKEN);
        assertThat(page.script("return localStorage.length + document.cookie.length;")).isEqualTo(0L);
        assertThat(driver.getCurrentUrl()).doesNotContain(ShopService.TOKEN);

        page.button("forget").click();
        page.await(d -> page.rows().isEmpty());
        assertThat(page.script("return sessionStorage.getItem('selftest.token');")).isNull();
        assertThat(page.button("run-all").isEnabled()).isFalse();
    }

    @Test
    void worksWhereverTheControlApiIsMounted() {
        shop = ShopService.startAt("/ops/checks");
        assertThat(shop.page().getPath()).isEqualTo("/ops/checks/ui");

        page.open(shop.page()).connect(ShopService.TOKEN);
        page.select(ShopService.CATALOGUE);
        page.runSelected();

        page.awaitLive(ShopService.CATALOGUE, "passed");
        assertThat(shop.runs()).hasSize(1);
    }

    @Test
    void runsASelectedScenarioAndShowsItsResultWithoutAReload() {
        shop = ShopService.start();
        page.open(shop.page()).connect(ShopService.TOKEN);
        page.script("window.loadedOnce = 'still here';");

        page.select(ShopService.CATALOGUE);
        assertThat(page.button("run-selected").getText()).isEqualTo("Run selected (1)");
        page.runSelected();

        page.awaitLive(ShopService.CATALOGUE, "passed");
        page.awaitLastOutcome(ShopService.CATALOGUE, "passed");
        List<Run> runs = shop.runs();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.scenarioIds()).containsExactly(ShopService.CATALOGUE);
            assertThat(run.trigger()).isEqualTo(Trigger.MANUAL);
        });
        assertThat(page.runItemText(runs.get(0).id())).contains("passed", "manual");
        assertThat(page.script("return window.loadedOnce;")).isEqualTo("still here");
    }

    @Test
    void showsTheReasonWhenTheEnvironmentForbidsAScenarioSelectedWithTheKeyboard() {
        shop = ShopService.start();
        page.open(shop.page()).connect(ShopService.TOKEN);

        page.checkbox(ShopService.RESET).sendKeys(Keys.SPACE);
        page.checkbox(ShopService.CATALOGUE).sendKeys(Keys.SPACE);
        page.button("run-selected").sendKeys(Keys.ENTER);

        WebElement refusal = page.refusal();
        assertThat(refusal.getText()).contains("Scenario forbidden here", ShopService.RESET, ShopService.REFUSAL,
                "Nothing ran");
        assertThat(refusal.findElements(By.cssSelector("li[data-scenario]")))
                .extracting(li -> li.getAttribute("data-scenario")).containsExactly(ShopService.RESET);
        assertThat(shop.runs()).isEmpty();
        assertNoMissingValuesShown();
    }

    @Test
    void showsWhyAReadTokenCannotStartARun() throws Exception {
        shop = ShopService.start();
        Run run = shop.run(Trigger.SCHEDULE, Map.of(), ShopService.CATALOGUE);
        page.open(shop.page()).connect(ShopService.READ_TOKEN);
        page.runItemText(run.id());

        page.select(ShopService.ORDERS);
        page.runSelected();

        assertThat(page.refusal().getText()).contains("Forbidden", "the read token cannot start", "Nothing ran");
        assertThat(shop.runs()).hasSize(1);
    }

    @Test
    void followsARunningRunLiveUntilItFinishes() throws Exception {
        startRunThatWaitsAtTheGate();

        page.awaitLive(ShopService.CATALOGUE, "passed");
        String runId = shop.runs().get(0).id();
        assertThat(page.script("return document.getElementById('live').dataset.via;"))
                .isEqualTo(shop.streamsEvents(runId) ? "events" : "polling");
        assertThat(driver.findElement(By.id("live-heading")).getText()).isEqualTo("Run in progress");
        assertThat(page.script("return document.querySelector('#live progress').value;")).isEqualTo(1L);
        screenshot("dashboard-live.png");

        shop.releaseGate();

        page.awaitLive(ShopService.GATED, "passed");
        page.await(d -> d.findElement(By.id("live-heading")).getText().equals("Latest run"));
        assertThat(page.script("return document.querySelector('#live progress').value;")).isEqualTo(2L);
    }

    @Test
    void cancelsARunningRunAndShowsItCancelled() {
        startRunThatWaitsAtTheGate();

        page.await(d -> {
            d.findElement(By.cssSelector("#live button[data-cancel]")).click();
            return true;
        });

        page.awaitLive(ShopService.GATED, "cancelled");
        assertThat(page.script("return document.querySelector('#live .live-head .badge').textContent;"))
                .isEqualTo("cancelled");
        assertThat(driver.findElements(By.cssSelector("#live button[data-cancel]"))).isEmpty();
        assertThat(shop.runs().get(0).status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void showsHostileTextAsTextAndNeverRunsIt() throws Exception {
        shop = ShopService.startHostile();
        Run run = shop.run(Trigger.DEPLOY, Map.of("commit", "<i>abc</i>"), ShopService.HOSTILE);
        page.open(shop.page()).connect(ShopService.TOKEN);

        assertThat(page.textOf(By.cssSelector(DashboardPage.row(ShopService.HOSTILE) + " .description")))
                .isEqualTo(ShopService.HOSTILE_DESCRIPTION);
        page.pressOnRunItem(run.id(), Keys.ENTER);
        String result = "#run-detail .result[data-scenario='" + ShopService.HOSTILE + "'] ";
        assertThat(page.textOf(By.cssSelector(result + ".failure pre"))).isEqualTo(ShopService.HOSTILE_MESSAGE);
        assertThat(page.textOf(By.cssSelector(result + ".step-name"))).isEqualTo(ShopService.HOSTILE_STEP);
        assertThat(page.dialog().getText()).contains("commit=<i>abc</i>");

        assertThat(page.script("return document.scripts.length;")).isEqualTo(1L);
        assertThat(driver.findElements(By.cssSelector("main img, dialog img, main b, dialog i"))).isEmpty();
        assertThat(driver.getTitle()).isEqualTo("Selftest");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(policyViolations()).isEmpty();
    }

    @Test
    void drillsIntoARunWithTheKeyboardShowingStepsFailuresCleanupAndTheJunitReport() throws Exception {
        shop = ShopService.start();
        shop.run(Trigger.SCHEDULE, Map.of(), ShopService.SEARCH);
        shop.run(Trigger.SCHEDULE, Map.of(), ShopService.SEARCH);
        Run run = shop.run(Trigger.DEPLOY, Map.of("commit", "abc123"),
                ShopService.CATALOGUE, ShopService.ORDERS, ShopService.SEARCH);
        page.open(shop.page()).connect(ShopService.TOKEN);

        assertThat(page.runItemText(run.id())).contains("failed", "deploy", "commit=abc123");
        page.pressOnRunItem(run.id(), Keys.ENTER);

        assertThat(page.result(ShopService.CATALOGUE))
                .contains("passed", "open the catalogue", "count the products");
        assertThat(page.result(ShopService.ORDERS)).contains("place an order", "cancel order 42", "cleaned");
        assertThat(page.result(ShopService.SEARCH))
                .contains("failed", "java.lang.AssertionError", "expected 3 suggestions for 'cha' but got 0");
        WebElement junit = driver.findElement(By.cssSelector("#run-detail a[data-junit]"));
        assertThat(junit.getAttribute("href")).isEqualTo(shop.baseUri() + "/runs/" + run.id() + "/junit.xml");
        assertNoMissingValuesShown();
        screenshot("dashboard-run.png");

        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        page.await(d -> page.dialog().getAttribute("open") == null);
        assertThat(driver.switchTo().activeElement().getAttribute("data-run")).isEqualTo(run.id());
    }

    @Test
    void fitsAPhoneScreenWithoutSidewaysScrolling() throws Exception {
        shop = ShopService.start();
        busyHistory();
        driver.manage().window().setSize(new Dimension(390, 844));
        page.open(shop.page()).connect(ShopService.TOKEN);
        page.await(d -> !page.runItems().isEmpty());

        long overflow = (Long) page.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        Number right = (Number) page.script(
                "return document.querySelector(arguments[0]).getBoundingClientRect().right;",
                DashboardPage.row(ShopService.CATALOGUE));
        assertThat(right.doubleValue()).isLessThanOrEqualTo(390);
        windowScreenshot("dashboard-phone.png");

        page.pressOnRunItem(shop.runs().get(0).id(), Keys.ENTER);
        page.result(ShopService.SEARCH);
        long dialogOverflow = (Long) page.script(
                "const d = document.getElementById('run-dialog'); return d.scrollWidth - d.clientWidth;");
        assertThat(dialogOverflow).isLessThanOrEqualTo(0L);
        assertThat(page.dialog().getSize().getWidth()).isLessThanOrEqualTo(390);
        windowScreenshot("dashboard-phone-run.png");
    }

    @Test
    void drawsTrendsFromTheRunHistory() throws Exception {
        shop = ShopService.start();
        int runs = busyHistory();
        page.open(shop.page()).connect(ShopService.TOKEN);
        page.await(d -> d.findElements(By.cssSelector("#runs-chart rect.bar")).size() == runs);

        assertThat(driver.findElements(By.cssSelector("#runs-chart rect.bar.bad"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#runs-chart rect.bar.ok"))).isNotEmpty();
        assertThat(page.texts(DashboardPage.row(ShopService.SEARCH) + " .spark rect.bar"))
                .hasSize((int) shop.runs().stream().filter(r -> r.scenarioIds().contains(ShopService.SEARCH)).count());
        assertThat(driver.findElements(By.cssSelector("#kpis .hbars li"))).hasSize(3);
        String placed = "#kpis .tile[data-kpi='" + ShopService.ORDERS_PLACED + "'] .value";
        page.await(d -> !page.texts(placed).isEmpty());
        assertThat(page.texts(placed)).containsExactly(String.valueOf(runs));
        assertThat(driver.findElement(By.id("kpis")).getText()).containsIgnoringCase("Pass rate, last hour")
                .contains("last day 67% · recent runs 67%");
        assertThat(driver.findElement(By.id("overview")).getText()).containsIgnoringCase("Run pass rate")
                .containsIgnoringCase("6 of the last 9 runs passed");
        assertThat(policyViolations()).isEmpty();
        assertNoMissingValuesShown();
        screenshot("dashboard.png");
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        screenshot("dashboard-dark.png");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    /** Starts the catalogue and the gated scenario from the page; returns once the gated one is running. */
    private void startRunThatWaitsAtTheGate() {
        shop = ShopService.start();
        page.open(shop.page()).connect(ShopService.TOKEN);
        page.select(ShopService.GATED);
        page.select(ShopService.CATALOGUE);
        page.runSelected();
        page.awaitLive(ShopService.GATED, "running");
    }

    /** Runs like a week of deployments and schedules: some pass, some fail. */
    private int busyHistory() throws InterruptedException {
        int runs = 0;
        for (int i = 0; i < 9; i++) {
            shop.run(i % 3 == 0 ? Trigger.DEPLOY : Trigger.SCHEDULE, Map.of("commit", "c0ffee" + i),
                    ShopService.CATALOGUE, ShopService.ORDERS, ShopService.SEARCH);
            runs++;
        }
        return runs;
    }

    /** No absent value leaks into the page as text. */
    private void assertNoMissingValuesShown() {
        assertThat(driver.findElement(By.tagName("body")).getText())
                .doesNotContainPattern("\\b(null|undefined|NaN|Infinity)\\b|\\[object ");
    }

    /** Console messages about the Content-Security-Policy, Trusted Types or uncaught script errors. */
    private List<String> policyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("TrustedHTML")
                        || message.contains("Trusted Type") || message.contains("Uncaught"))
                .toList();
    }

    /** Saves the whole page, not just the window, to the screenshot directory. */
    private void screenshot(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        long height = (Long) page.script("return document.documentElement.scrollHeight;");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 140));
        windowScreenshot(name);
    }

    /** Saves what the window shows to the screenshot directory. */
    private void windowScreenshot(String name) throws IOException {
        Path file = Chromium.screenshotDirectory().resolve(name);
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }
}
