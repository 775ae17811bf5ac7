package org.nnplayground.playground.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The Chromiums of a class test, each with its own profile (its own localStorage: one person's
 * computer), quit and deleted together when the test class ends.
 */
final class ClassBrowsers implements AutoCloseable {
    private final String profilePrefix;
    private final Duration patience;
    private final List<Browser> open = new ArrayList<>();

    /** Browsers whose profiles are temporary folders named {@code profilePrefix...}, each waiting up to {@code patience} for a condition. */
    ClassBrowsers(String profilePrefix, Duration patience) {
        this.profilePrefix = profilePrefix;
        this.patience = patience;
    }

    /** One Chromium with its own profile (its own localStorage: one person's computer). */
    record Browser(ChromeDriver driver, Path profile, Duration patience) {
        Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

        WebElement byId(String id) { return driver.findElement(By.id(id)); }

        List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

        <T> T waitUntil(Function<WebDriver, T> condition) {
            return new WebDriverWait(driver, patience, Duration.ofMillis(25))
                    .ignoring(StaleElementReferenceException.class).until(condition);
        }

        void screenshot(String name) throws IOException {
            Files.createDirectories(BrowserSession.SCREENSHOTS);
            Files.write(BrowserSession.SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }

        int epoch() { return Integer.parseInt(byId("iter-number").getText().replace(",", "")); }

        boolean playing() { return byId("play-pause-button").getAttribute("class").contains("playing"); }

        void waitForFrame() { waitUntil(d -> (Boolean) js("return !!window.playgroundStats && window.playgroundStats.framesDrawn > 0")); }
    }

    /** A new headless Chromium of this size. */
    Browser open(int width, int height) throws IOException {
        Path profile = Files.createTempDirectory(profilePrefix);
        Browser b = new Browser(new ChromeDriver(BrowserSession.driverService(), BrowserSession.headless(profile, width, height)), profile, patience);
        open.add(b);
        return b;
    }

    /** Quits every browser and deletes its profile. */
    @Override
    public void close() throws IOException {
        for (Browser b : open) {
            try {
                b.driver().quit();
            } finally {
                deleteTree(b.profile());
            }
        }
        open.clear();
    }

    /** Deletes {@code dir} and everything under it (nothing when it is null or gone). */
    /** A server for a class test, on every interface, keeping its saved runs and rooms in {@code data}. */
    static PlaygroundServer serverOn(Path data) {
        return PlaygroundServer.start(ServerConfig.defaults().withPort(0)
                .withStore(new StoreSettings(data, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
