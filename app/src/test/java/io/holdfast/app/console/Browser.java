package io.holdfast.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven as a person would: one browser is one person's session. The
 * flags keep it from reaching for Google's services, which this machine's closed network refuses.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final String base;
    private final ChromeDriver driver;
    private final Path downloads;

    public Browser(int port, Path downloads) {
        this.base = "http://localhost:" + port;
        this.downloads = downloads;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1366,768",
                "--lang=en-GB");
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "download.default_directory",
                        downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download",
                        false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
    }

    /** The window at another size: half a laptop's width is how a page lays out at 200 % zoom. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(path.startsWith("file:") ? path : base + path);
        return this;
    }

    public Browser signIn(String user) {
        open("/console/sign-in.html");
        WebElement name = visible(By.id("username"));
        waitUntil(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        name.sendKeys(user);
        driver.findElement(By.id("password-input")).sendKeys("demo");
        driver.findElement(By.cssSelector("#password button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/console/cases.html"));
        visible(By.cssSelector("header.site .who"));
        return this;
    }

    /** What the page wrote to its console since last asked: errors in its scripts show here. */
    public String console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage())
                .collect(Collectors.joining("\n"));
    }

    public WebElement visible(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the page at " + driver.getCurrentUrl() + " reads:\n"
                        + driver.findElement(By.tagName("body")).getText() + "\nits console:\n" + console()
                        + "\nfields it refuses: "
                        + script(
                                "return Array.from(document.querySelectorAll('input:invalid, textarea:invalid, select:invalid'))"
                                        + ".map(f => f.name + ': ' + f.validationMessage).join('; ')"))
                .until(condition::apply);
    }

    /** Waits until the element's text contains {@code expected}, and answers the text. */
    public String textOnceItHas(By locator, String expected) {
        return waitUntil(d -> {
            List<WebElement> found = d.findElements(locator);
            String text = found.isEmpty() ? "" : found.get(0).getText();
            return text.contains(expected) ? text : null;
        });
    }

    public void type(By field, String text) {
        WebElement input = visible(field);
        input.clear();
        input.sendKeys(text);
    }

    /** Sets a datetime-local input, which takes its value from the keyboard in the browser's own format. */
    void setValue(By field, String value) {
        WebElement input = driver.findElement(field);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The page as a person sees it on a laptop, kept for a reviewer under target/console-screenshots. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No violation of WCAG 2.1 A or AA that axe-core finds on the page as it is now. */
    public void assertAccessible(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as(
                        "WCAG 2.1 A/AA violations on %s: %s",
                        page,
                        violations.stream()
                                .map(rule -> rule.getId() + " (" + rule.getHelp() + ") at "
                                        + rule.getNodes().stream()
                                                .map(node -> String.valueOf(node.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    /** Waits for a download to finish and answers the file. */
    Path downloaded(String name) {
        Path file = downloads.resolve(name);
        waitUntil(d -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
