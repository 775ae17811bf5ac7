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
 * computer), handed back together when the test class ends ({@link Chromiums} keeps them for the next).
 */
final class ClassBrowsers implements AutoCloseable {
    private final Duration patience;
    private final List<Browser> open = new ArrayList<>();

    /** Browsers each waiting up to {@code patience} for a condition. */
    ClassBrowsers(Duration patience) {
        this.patience = patience;
    }

    /** One Chromium with its own profile (its own localStorage: one person's computer). */
    record Browser(ChromeDriver driver, Duration patience) {
        Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

        WebElement byId(String id) { return driver.findElement(By.id(id)); }

        List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

        <T> T waitUntil(Function<WebDriver, T> condition) {
            return new WebDriverWait(driver, patience, BrowserSession.CLASS_POLL)
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

    /** A headless Chromium of this size with a profile no other open one shares (kept between classes: {@link Chromiums}). */
    Browser open(int width, int height) {
        Browser b = new Browser(Chromiums.take(width, height), patience);
        open.add(b);
        return b;
    }

    /** Hands every browser back, its pages closed and its origins' data cleared. */
    @Override
    public void close() {
        for (Browser b : open) Chromiums.give(b.driver());
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
