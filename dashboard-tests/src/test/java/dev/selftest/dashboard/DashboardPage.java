package dev.selftest.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as a user sees it: what the tests click, type and read. */
final class DashboardPage {
    private final WebDriver driver;
    private final WebDriverWait wait;

    DashboardPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15), Duration.ofMillis(50));
        wait.ignoring(StaleElementReferenceException.class);
    }

    DashboardPage open(URI page) {
        driver.get(page.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#health li")));
        return this;
    }

    /** Types the token and presses Enter, then waits for the scenarios to appear. */
    DashboardPage connect(String token) {
        driver.findElement(By.id("token")).sendKeys(token, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-scenario]")));
        return this;
    }

    /** The CSS selector of a scenario's row, to read parts of it with {@link #textOf} or {@link #texts}. */
    static String row(String scenarioId) {
        return "tr[data-scenario='" + scenarioId + "']";
    }

    /** The text of every element matching {@code css}, read in one go so a redraw cannot interleave. */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) script("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent);",
                css);
    }

    /** An attribute of every element matching {@code css}, read in one go. */
    @SuppressWarnings("unchecked")
    List<String> attributes(String css, String attribute) {
        return (List<String>) script(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.getAttribute(arguments[1]));",
                css, attribute);
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("tr[data-scenario]"));
    }

    WebElement checkbox(String scenarioId) {
        return driver.findElement(By.cssSelector("input[data-pick='" + scenarioId + "']"));
    }

    void select(String scenarioId) {
        checkbox(scenarioId).click();
    }

    WebElement button(String id) {
        return driver.findElement(By.id(id));
    }

    void runSelected() {
        button("run-selected").click();
    }

    WebElement refusal() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
    }

    /** The outcome badge of a scenario in the live panel, once it reads {@code text}. */
    void awaitLive(String scenarioId, String text) {
        By badge = By.cssSelector("#live-list li[data-scenario='" + scenarioId + "'] .badge");
        wait.until(ExpectedConditions.textToBe(badge, text));
    }

    /** Waits until the scenario's last outcome in the table reads {@code text}. */
    void awaitLastOutcome(String scenarioId, String text) {
        wait.until(ExpectedConditions.textToBe(
                By.cssSelector("tr[data-scenario='" + scenarioId + "'] td[data-label='Last outcome']"), text));
    }

    List<WebElement> runItems() {
        return driver.findElements(By.cssSelector("#runs .run-item"));
    }


    WebElement dialog() {
        return driver.findElement(By.id("run-dialog"));
    }

    /** The text of a scenario's result in the open run dialog, read again if the dialog redraws meanwhile. */
    String result(String scenarioId) {
        return textOf(By.cssSelector("#run-detail .result[data-scenario='" + scenarioId + "']"));
    }

    /** The text of a run in the history, read again if the list redraws meanwhile. */
    String runItemText(String runId) {
        return textOf(By.cssSelector(".run-item[data-run='" + runId + "']"));
    }

    /** Presses a key on a run in the history, found again if the list redraws meanwhile. */
    void pressOnRunItem(String runId, CharSequence key) {
        wait.until(d -> {
            d.findElement(By.cssSelector(".run-item[data-run='" + runId + "']")).sendKeys(key);
            return true;
        });
    }

    /** The text of a displayed element, read again if the page redraws it meanwhile. */
    String textOf(By locator) {
        return wait.until(d -> {
            WebElement element = d.findElement(locator);
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }
}
