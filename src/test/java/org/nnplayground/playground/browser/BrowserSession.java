package org.nnplayground.playground.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One in-process server and one headless Chromium for a browser test class. */
final class BrowserSession implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final PlaygroundServer server;
    final ChromeDriver driver;
    private BrowserSession(PlaygroundServer server, ChromeDriver driver) {
        this.server = server;
        this.driver = driver;
    }

    /** Starts the server on a free port, and takes a headless Chromium of the test JVM ({@link Chromiums}) to drive it. */
    static BrowserSession start() throws IOException {
        PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withPort(0));
        try {
            return new BrowserSession(server, Chromiums.take(1280, 900));
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    /** Debian's chromedriver on a free port. */
    static ChromeDriverService driverService() {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
    }

    /** Headless Chromium as every browser test starts it: Debian's binary, its own profile, no background network. */
    static ChromeOptions headless(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        return options;
    }

    String baseUrl() { return "http://localhost:" + server.port() + "/"; }

    /** Opens the page with this link (the part after '#') and waits until the first frame is shown. */
    void open(String hash) {
        driver.get("about:blank");
        driver.get(baseUrl() + "#" + hash);
        waitForFirstFrame();
    }

    void waitForFirstFrame() {
        waitUntil(d -> (Boolean) js("return !!window.playgroundStats && window.playgroundStats.framesDrawn > 0"));
    }

    /** How long a wait may last: a limit for what never comes, long enough for a loaded machine. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * How often a wait asks the page again. Each ask is a round trip through chromedriver into the
     * page, several ms of CPU: asked every 25 ms, a waiting test took about a third of a core from the
     * page and the server it waited for (a loop of 8 s: 3.9 CPU s at 25 ms, 2.1 at 100 ms).
     */
    static final Duration POLL = Duration.ofMillis(50);

    /** How often a class's waits ask (a dashboard hears of its students a few times a second). */
    static final Duration CLASS_POLL = Duration.ofMillis(100);

    <T> T waitUntil(Function<WebDriver, T> condition) { return waitUntil(WAIT, condition); }

    <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        // the page rebuilds its network drawing when a session changes: retry over stale elements
        return new WebDriverWait(driver, timeout, POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

    Object executeAsync(String script, Object... args) { return ((JavascriptExecutor) driver).executeAsyncScript(script, args); }

    WebElement byId(String id) { return driver.findElement(By.id(id)); }

    List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

    String text(String id) { return byId(id).getText(); }

    String hash() { return (String) js("return location.hash"); }

    /** The big heatmap's pixels, as a data URL to compare before and after. */
    String heatmapPixels() { return (String) js("return document.getElementById('heatmap-canvas').toDataURL()"); }

    String chartPixels() { return (String) js("return document.getElementById('linechart-canvas').toDataURL()"); }

    /** Saves a screenshot to target/screenshots/name.png. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Hands the Chromium back (its pages closed first, their sockets with them) and stops the server. */
    @Override
    public void close() {
        try {
            Chromiums.give(driver);
        } finally {
            server.stop();
        }
    }
}
