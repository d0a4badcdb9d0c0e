package dev.kafkatutorial.useractivity.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium ({@code apt-get install chromium chromium-driver}), driven by Selenium through
 * Debian's chromedriver: the page as a learner's browser shows it. Nothing is downloaded: the browser and its
 * driver are the system's. Where they are missing the test is skipped, saying what to install; under CI
 * ({@code CI=true}) it fails instead, since a browser test that CI skips proves nothing.
 */
final class Browser implements AutoCloseable {

    /**
     * Selenium warns on every start that it has no DevTools (CDP) classes for this Chromium's version: the tests
     * use WebDriver only. Held here, or the JDK's logging forgets the level.
     */
    private static final java.util.logging.Logger CDP_WARNINGS = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    static {
        CDP_WARNINGS.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static Browser start() {
        Optional<Path> chromedriver = onPath("chromedriver");
        Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
        if (chromedriver.isEmpty() || chromium.isEmpty()) {
            String missing = "headless Chromium is missing (" + (chromium.isEmpty() ? "chromium" : "chromedriver")
                    + " not on PATH): apt-get install -y chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI must run the browser tests: " + missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        // --no-sandbox: Chromium's sandbox refuses to run as root, as CI and these machines do.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--hide-scrollbars", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    private static Optional<Path> onPath(String name) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator))
                .map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * The text of the first element matching {@code css}, or null: read in the page in one step, since the page
     * redraws its tables every second and an element found a moment ago may be gone.
     */
    String text(String css) {
        Object text = ((JavascriptExecutor) driver).executeScript(
                "var e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
        return text == null ? null : text.toString();
    }

    /** Whether the element matching {@code css} exists and is shown. */
    boolean shown(String css) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "var e = document.querySelector(arguments[0]); return !!e && !e.hidden;", css));
    }

    /**
     * Waits until the element matching {@code css} shows {@code text}, polling every 100 ms, for at most
     * {@code limit}; on failure says what it showed, and keeps a screenshot in {@code target/}.
     */
    void untilText(Duration limit, String css, String text) throws java.io.IOException {
        try {
            new WebDriverWait(driver, limit, Duration.ofMillis(100)).until(page -> text.equals(text(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = Path.of("target", "web-failed-" + System.nanoTime() + ".png");
            screenshot(shot);
            throw new AssertionError(css + " did not show '" + text + "' within " + limit + ": it shows '"
                    + text(css) + "'; the banner says '" + text("#banner") + "'; screenshot " + shot, e);
        }
    }

    /** As {@link #untilText}, for the element's text to contain {@code part}. */
    void untilContains(Duration limit, String css, String part) {
        new WebDriverWait(driver, limit, Duration.ofMillis(100)).withMessage(() -> css + " shows '" + text(css)
                + "', without '" + part + "'").until(page -> String.valueOf(text(css)).contains(part));
    }

    void screenshot(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
