package org.nnplayground.playground.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The headless Chromiums of one test JVM, kept between test classes: a fork runs a dozen browser
 * classes, and launching and quitting a Chromium for each cost seconds of both cores. Each has its own
 * profile (one person's computer), and is handed back with one fresh tab, no cookies and no stored data
 * of the origins it visited, so the next class (another server, another port) starts as on a new one.
 */
final class Chromiums {
    private Chromiums() {}

    private record Kept(ChromeDriver driver, Path profile) {}

    private static final Deque<Kept> idle = new ArrayDeque<>();
    private static final List<Kept> all = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromiums::quitAll, "chromiums-quit"));
    }

    /** A Chromium of this window size with one blank tab: a kept one, or a new one with its own profile. */
    static ChromeDriver take(int width, int height) {
        Kept kept;
        synchronized (Chromiums.class) { kept = idle.poll(); }
        if (kept != null) {
            try {
                kept.driver().manage().window().setSize(new Dimension(width, height));
                return kept.driver();
            } catch (RuntimeException broken) {
                discard(kept);
            }
        }
        return launch(width, height);
    }

    /**
     * Takes a Chromium back: its pages are closed (their sockets with them), the data of every origin
     * they were on is cleared, and it waits in one blank tab. One that does not answer is quit.
     */
    static void give(ChromeDriver driver) {
        Kept kept;
        synchronized (Chromiums.class) {
            kept = all.stream().filter(k -> k.driver() == driver).findFirst().orElse(null);
        }
        if (kept == null) throw new IllegalArgumentException("not a kept Chromium");
        try {
            Set<String> handles = driver.getWindowHandles();
            Set<String> origins = new LinkedHashSet<>();
            for (String h : handles) {
                driver.switchTo().window(h);
                Object origin = driver.executeScript("return location.origin");
                if (origin instanceof String o && o.startsWith("http")) origins.add(o);
            }
            driver.switchTo().newWindow(WindowType.TAB);
            String fresh = driver.getWindowHandle();
            for (String h : handles) {
                driver.switchTo().window(h);
                driver.close();
            }
            driver.switchTo().window(fresh);
            for (String origin : origins) {
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            }
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            synchronized (Chromiums.class) { idle.push(kept); }
        } catch (RuntimeException broken) {
            discard(kept);
        }
    }

    private static ChromeDriver launch(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("playground-chromium-");
            ChromeDriver driver = new ChromeDriver(BrowserSession.driverService(), BrowserSession.headless(profile, width, height));
            synchronized (Chromiums.class) { all.add(new Kept(driver, profile)); }
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discard(Kept kept) {
        synchronized (Chromiums.class) {
            all.remove(kept);
            idle.remove(kept);
        }
        quit(kept);
    }

    private static void quit(Kept kept) {
        try {
            kept.driver().quit();
        } catch (RuntimeException ignored) {
            // already gone
        } finally {
            try {
                ClassBrowsers.deleteTree(kept.profile());
            } catch (IOException ignored) {
                // a temporary folder
            }
        }
    }

    private static void quitAll() {
        List<Kept> left;
        synchronized (Chromiums.class) {
            left = List.copyOf(all);
            all.clear();
            idle.clear();
        }
        for (Kept k : left) quit(k);
    }
}
