package org.nnplayground.playground.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page shows what the server runs: data sources switch, problem types, colour scales, tables, messages. */
@Tag("browser")
class WhatRunsBrowserTest {
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws IOException { browser = BrowserSession.start(); }

    @AfterAll
    static void stop() throws IOException { browser.close(); }

    private static void example(String file) {
        new Select(browser.byId("example-csv")).selectByValue(file);
        browser.waitUntil(d -> browser.hash().contains("data=local") && browser.text("csv-name").contains(file));
    }

    private static boolean selected(String dataset) {
        return browser.all(".dataset.selected[data-dataset='" + dataset + "']").size() == 1;
    }

    @Test
    void clickingADataSetAfterACsvTrainsOnThatDataSet() throws Exception {
        browser.open("dataset=circle&seed=0.3");
        example("three_species.csv");
        assertTrue(browser.byId("slice-controls").isDisplayed(), "four columns: a slice of the data");
        assertTrue(browser.all(".dataset.selected").isEmpty(), "no TF data set is marked while the CSV runs");
        for (String picked : List.of("spiral", "circle")) {
            browser.byId("datasets").findElement(org.openqa.selenium.By.cssSelector("[data-dataset='" + picked + "']")).click();
            browser.waitUntil(d -> browser.hash().contains("dataset=" + picked) && !browser.hash().contains("data=local"));
            browser.waitUntil(d -> !browser.byId("slice-controls").isDisplayed());
            assertTrue(selected(picked));
            assertEquals("", browser.text("csv-name"));
            assertFalse(browser.text("heatmap-axes").contains("bill_length_cm"), browser.text("heatmap-axes"));
        }
    }

    @Test
    void aRegressionCsvShowsRegressionWithItsNumbersOnTheColourScale() throws Exception {
        // 10 epochs a frame: the same numbers sooner (the speed never changes them)
        browser.open("dataset=circle&seed=0.3&learningRate=0.01&standardize=true&speed=10");
        example("house_prices.csv");
        browser.waitUntil(d -> "regression".equals(browser.byId("problem").getAttribute("value")));
        assertTrue(browser.byId("reg-datasets").isDisplayed() && !browser.byId("datasets").isDisplayed(),
                "the regression thumbnails, not the classification ones");
        assertTrue(browser.all(".dataset.selected").isEmpty());
        List<String> ticks = browser.all("#legend .legend-ticks span").stream().map(e -> e.getText()).toList();
        assertEquals("-0.13", ticks.get(0), "the legend starts at the lowest price (not at TF's -1)");
        assertTrue(Double.parseDouble(ticks.get(2)) > 4, "the legend runs to the highest price: " + ticks);
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> Integer.parseInt(browser.text("iter-number").replace(",", "")) >= 100);
        browser.byId("play-pause-button").click();
        long colours = (Long) browser.js("""
                const c = document.getElementById('heatmap-canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                const seen = new Set(); for (let i = 0; i < d.length; i += 4) seen.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); return seen.size;""");
        assertTrue(colours >= 5, "the map shows the prices, not one flat colour: " + colours + " colours");
        browser.screenshot("state-regression-csv-1280");
    }

    @Test
    void theXorTableLearnsFromTheFirstPlayAndSaysEveryPointTrains() throws Exception {
        browser.open("dataset=circle&seed=0.3&speed=10");
        browser.byId("datasets").findElement(org.openqa.selenium.By.cssSelector("[data-dataset='xor-table']")).click();
        browser.waitUntil(d -> browser.hash().contains("dataset=xor-table") && browser.byId("all-train-note").isDisplayed());
        assertTrue(browser.text("all-train-note").contains("All 4 points train"), browser.text("all-train-note"));
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.text("metric-train").equals("100.0%"));
        browser.byId("play-pause-button").click();
        browser.screenshot("state-xor-table-1280");
        assertTrue(browser.all("#output option[value='step']").size() == 1, "step is an output choice");
    }

    @Test
    void messagesOverlayAndEveryWarningIsListed() throws Exception {
        browser.open("dataset=circle&seed=0.3");
        double top = ((Number) browser.js("return document.getElementById('main-part').getBoundingClientRect().top")).doubleValue();
        String bad = "dataset=circle&seed=0.3&activation=a&batchSize=b&learningRate=c&noise=d&networkShape=e"
                + "&percTrainData=f&regularization=g&regularizationRate=h&problem=i&optimizer=j";
        browser.js("location.hash = arguments[0]", bad);
        browser.waitUntil(d -> browser.byId("message-log").isDisplayed());
        browser.waitUntil(d -> browser.all("#message-list li").size() >= 10);
        double after = ((Number) browser.js("return document.getElementById('main-part').getBoundingClientRect().top")).doubleValue();
        assertEquals(top, after, 0.5, "a toast never moves the page");
        assertTrue(browser.all("#toasts .toast").size() <= 3);
        browser.byId("message-log").click();
        browser.screenshot("state-ten-warnings-1280");
    }

    @Test
    void earlyStoppingSaysSoByPlayUntilTheNextRun() throws Exception {
        browser.open("dataset=gauss&noise=50&seed=0.3&learningRate=3&earlyStop=5&speed=5");
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.byId("play-notice").isDisplayed());
        assertTrue(browser.text("play-notice").contains("Stopped early"), browser.text("play-notice"));
        browser.byId("reset-button").click();
        browser.waitUntil(d -> !browser.byId("play-notice").isDisplayed());
    }

    /** On a 390x844 phone, Play is two screens above the output: while training a compact map stays in view, and goes back after. */
    @Test
    void aPhoneKeepsTheOutputMapInViewWhileTraining() {
        Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.open("dataset=spiral&seed=0.3&networkShape=6,4");
            browser.js("document.getElementById('play-pause-button').scrollIntoView({block: 'center'})");
            assertFalse(outputInView(), "before Play the output is below the screen (else this test proves nothing)");
            browser.byId("play-pause-button").click();
            browser.waitUntil(d -> browser.byId("play-pause-button").getAttribute("class").contains("playing"));
            assertTrue(outputInView(), "while training the output map is on the screen by Play");
            assertTrue(browser.byId("play-pause-button").isDisplayed());
            browser.byId("play-pause-button").click();
            browser.waitUntil(d -> !browser.byId("play-pause-button").getAttribute("class").contains("playing"));
            assertFalse(outputInView(), "paused, the map is back in its column");
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    /** The output map wholly inside the viewport, at least 120 px a side. */
    private static boolean outputInView() {
        return (Boolean) browser.js("const r = document.getElementById('heatmap').getBoundingClientRect();"
                + " return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.width >= 120;");
    }

    @Test
    void twoNamedClassesGetALegend() throws Exception {
        Path csv = Files.createTempFile("pets", ".csv");
        try {
            StringBuilder text = new StringBuilder("weight,height,animal\n");
            for (int i = 0; i < 40; i++) text.append(i % 7).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "cat" : "dog").append('\n');
            Files.writeString(csv, text);
            browser.open("dataset=circle&seed=0.3");
            browser.byId("csv-file").sendKeys(csv.toAbsolutePath().toString());
            browser.waitUntil(d -> browser.all("#class-legend .class-item").size() == 2);
            assertEquals(List.of("cat", "dog"), browser.all("#class-legend .class-item").stream().map(e -> e.getText()).toList());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void regressionOnAClassificationCsvIsRefusedWithOneSentence() {
        browser.open("dataset=circle&seed=0.3");
        example("three_species.csv");
        String link = browser.hash();
        new Select(browser.byId("problem")).selectByValue("regression");
        browser.waitUntil(d -> browser.text("toasts").contains("cannot be a regression"));
        String toast = browser.all("#toasts .toast").stream().map(e -> e.getText()).filter(t -> t.contains("cannot be a regression")).findFirst().orElseThrow();
        // one sentence (and the toast's close button)
        assertEquals("three_species.csv has 3 classes, not numbers to predict: it cannot be a regression.", toast.replace("×", "").trim());
        browser.waitUntil(d -> "classification".equals(browser.byId("problem").getAttribute("value")));
        assertEquals(link, browser.hash(), "the run and its link are unchanged");
        assertTrue(browser.text("csv-name").contains("three_species.csv"), browser.text("csv-name"));
        assertTrue(browser.all(".dataset.selected").isEmpty());
    }

    @Test
    void aWeightIsReachedAndEditedByKeyboardWithAFocusRing() {
        browser.open("dataset=circle&seed=0.3&networkShape=2");
        browser.js("document.activeElement?.blur(); window.scrollTo(0, 0)");
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser.driver);
        int tabs = 0;
        while (!(Boolean) browser.js("return !!document.activeElement && document.activeElement.matches('#network .node.hidden')")) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            assertTrue(++tabs < 120, "Tab never reached a neuron");
        }
        assertEquals("solid", browser.js("return getComputedStyle(document.activeElement).outlineStyle"), "the focused neuron shows a ring");
        String node = (String) browser.js("return document.activeElement.dataset.nodeIndex");
        long ringBefore = ringPixels();
        keys.sendKeys(org.openqa.selenium.Keys.ARROW_LEFT).perform();
        browser.waitUntil(d -> browser.byId("hovercard").isDisplayed() && browser.text("hovercard").startsWith("Weight is"));
        assertTrue(ringPixels() > ringBefore + 20, "the chosen weight's link is ringed on the drawing");
        keys.sendKeys(org.openqa.selenium.Keys.ARROW_DOWN).perform();
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.waitUntil(d -> (Boolean) browser.js("return document.activeElement.classList.contains('hovercard-input')"));
        browser.js("document.activeElement.value = ''");
        keys.sendKeys("2.5").sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        // the neuron's second incoming weight (from X₂) is now 2.5: the server's next frame says so
        int index = (Integer.parseInt(node) - 2) * 2 + 1;
        browser.waitUntil(d -> Math.abs(((Number) browser.js("return window.playgroundStats.lastFrame.weights[arguments[0]]", index)).doubleValue() - 2.5) < 1e-6);
        browser.waitUntil(d -> node.equals(browser.js("return document.activeElement?.dataset?.nodeIndex ?? null")));
    }

    /** Pixels of the focus ring's blue on the network's link canvas. */
    private static long ringPixels() {
        return ((Number) browser.js("""
                const c = document.getElementById('network-canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] === 0x1f && d[i + 1] === 0x6f && d[i + 2] === 0xeb) n++; return n;""")).longValue();
    }

    /** A screenshot of the page's first screen (an example's menu scrolls the page down to itself). */
    private static void top(String name) throws IOException {
        browser.js("document.activeElement?.blur(); window.scrollTo(0, 0)");
        browser.screenshot(name);
    }

    /** Plays 150 epochs and takes the screenshot while it trains (a phone then keeps the output map in view). */
    private static void trained(String name) throws IOException {
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(90), d -> Integer.parseInt(browser.text("iter-number").replace(",", "")) >= 150);
        top(name);
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> !browser.byId("play-pause-button").getAttribute("class").contains("playing"));
    }

    /**
     * The four kinds of run at the window sizes of {@code -Dplayground.screenshotSizes} (the suite takes the
     * phone, the most fragile layout; {@code scripts/screenshots.sh} takes the desktop sizes too, about 30 s
     * each), into target/screenshots to be looked at.
     */
    @Test
    void screenshotsAtDesktopAndPhoneSizes() throws Exception {
        Dimension before = browser.driver.manage().window().getSize();
        try {
            for (String name : System.getProperty("playground.screenshotSizes", "390x844").split(",")) {
                String[] size = name.trim().split("x");
                browser.driver.manage().window().setSize(new Dimension(Integer.parseInt(size[0]), Integer.parseInt(size[1])));
                // 10 epochs a frame, also for the CSVs after it: the same pictures sooner
                browser.open("dataset=spiral3&seed=0.3&networkShape=6,4&speed=10");
                trained("state-3class-" + name);
                example("three_species.csv");
                trained("state-csv-" + name);
                example("house_prices.csv");
                trained("state-regression-" + name);
                browser.open("dataset=circle&seed=0.3&speed=10");
                browser.byId("datasets").findElement(org.openqa.selenium.By.cssSelector("[data-dataset='xor-table']")).click();
                browser.waitUntil(d -> browser.hash().contains("dataset=xor-table"));
                browser.byId("play-pause-button").click();
                browser.waitUntil(Duration.ofSeconds(60), d -> browser.text("metric-train").equals("100.0%"));
                top("state-xor-" + name);
                browser.byId("play-pause-button").click();
            }
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }
}
