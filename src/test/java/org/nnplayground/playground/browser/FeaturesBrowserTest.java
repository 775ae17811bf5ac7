package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/** Classroom links hide controls; our additions: multi-class data, divergence notice, CSV upload, errors. */
class FeaturesBrowserTest extends BrowserTest {

    @Test
    void hideKeysHideTheirControls() throws IOException {
        browser.open("activation=tanh&networkShape=4,2&x=true&y=true&learningRate_hide=true&problem_hide=true"
                + "&noise_hide=true&xSquared_hide=true&seed=0.5");
        assertFalse(browser.byId("learningRate").isDisplayed());
        assertFalse(browser.byId("problem").isDisplayed());
        assertFalse(browser.byId("noise").isDisplayed());
        // a hidden feature is no input at all (TF Playground deletes it), so it is not drawn
        assertEquals(0, browser.all(".node.feature[data-feature=xSquared]").size());
        assertTrue(browser.byId("activations").isDisplayed());
        assertTrue(browser.byId("batchSize").isDisplayed());
        browser.screenshot("5-hidden-controls");
    }

    @Test
    void threeClassesDrawInTheirOwnColoursWithSoftmax() throws Exception {
        browser.open("dataset=blobs3&output=softmax&loss=crossentropy&optimizer=adam&activation=relu"
                + "&networkShape=6&x=true&y=true&learningRate=0.03&seed=0.3");
        assertEquals("adam", browser.byId("optimizer").getAttribute("value"));
        assertEquals("softmax", browser.byId("output").getAttribute("value"));
        assertEquals(3, browser.all("#class-legend .class-item").size());
        assertEquals(3, browser.all(".node.output").size());
        for (int i = 0; i < 20; i++) browser.byId("next-step-button").click();
        browser.waitUntil(d -> browser.text("iter-number").equals("000,020"));
        assertTrue(browser.text("metric-test").endsWith("%"), browser.text("metric-test"));
        browser.screenshot("5-blobs3-softmax");
    }

    @Test
    void divergenceIsShownWithWhatToTry() throws IOException {
        browser.open("activation=relu&learningRate=10&regDataset=reg-gauss&problem=regression&networkShape=8,8,8"
                + "&x=true&y=true&xSquared=true&ySquared=true&batchSize=1&seed=0.7");
        assertTrue(browser.text("metric-test-label").contains("R²"));
        new Select(browser.byId("speed")).selectByValue("10");
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> browser.byId("diverged").isDisplayed());
        assertFalse(browser.text("diverged").isBlank());
        browser.screenshot("5-diverged");
    }

    @Test
    void csvUploadReplacesTheDataAndErrorsAreDismissableToasts() throws Exception {
        browser.open("activation=tanh&networkShape=4&seed=0.5");
        String points = (String) browser.js("return document.getElementById('points-canvas').toDataURL()");
        StringBuilder csv = new StringBuilder("a,b,label\n");     // two inputs: a planar data set
        for (int i = 0; i < 60; i++) csv.append(i % 7 - 3).append(',').append(i % 5 - 2).append(',').append(i % 2).append('\n');
        upload(csv.toString());
        browser.waitUntil(d -> !points.equals(browser.js("return document.getElementById('points-canvas').toDataURL()")));
        browser.waitUntil(d -> browser.text("csv-name").contains(".csv"));
        assertTrue(browser.all(".dataset.selected").isEmpty(), "no built-in data set is marked while the CSV is in use");
        browser.screenshot("5-csv-loaded");

        upload("a,b,label\n1,2\n");
        browser.waitUntil(d -> !browser.all(".toast.error").isEmpty());
        browser.screenshot("5-error-toast");
        browser.driver.findElement(By.cssSelector(".toast.error .toast-close")).click();
        browser.waitUntil(d -> browser.all(".toast.error").isEmpty());
    }

    @Test
    void aCsvBiggerThanTheSocketTakesGoesOverHttp() throws Exception {
        browser.open("activation=tanh&networkShape=4&seed=0.5");
        StringBuilder csv = new StringBuilder("a,b,label\n");     // about 200 KB: over the socket's 64 KiB
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 10_000; i++) {
            double a = r.nextDouble() * 12 - 6, b = r.nextDouble() * 12 - 6;
            csv.append(a).append(',').append(b).append(',').append(a * b > 0 ? 1 : 0).append('\n');
        }
        assertTrue(csv.length() > 64 * 1024, csv.length() + " bytes");
        upload(csv.toString());
        browser.waitUntil(d -> browser.text("csv-name").contains(".csv"));
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> Double.parseDouble(browser.text("iter-number").replace(",", "")) > 5);
        assertTrue(browser.all(".toast.error").isEmpty(), "no error");
        browser.screenshot("5-csv-over-http");
    }

    @Test
    void csvWithNamedColumnsShowsThemAsInputs() throws Exception {
        browser.open("activation=tanh&networkShape=4&seed=0.5");
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 7).append(',').append(i % 5).append(',').append(i % 3).append(',').append(i % 2).append('\n');
        }
        upload(csv.toString());
        browser.waitUntil(d -> browser.all(".node.feature").stream().anyMatch(n -> "c".equals(n.getAttribute("data-feature"))));
        assertEquals(3, browser.all(".node.feature.active").size());
        browser.screenshot("5-csv-named-columns");
    }

    @Test
    void fitsA1024PixelWideScreen() throws IOException {
        Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new Dimension(1024, 768));
            browser.open(FrameRateBrowserBench.C2);
            long scrollWidth = (Long) browser.js("return document.documentElement.scrollWidth");
            long viewport = (Long) browser.js("return document.documentElement.clientWidth");
            assertTrue(scrollWidth <= viewport, "no sideways scrolling: " + scrollWidth + " > " + viewport);
            assertTrue(browser.byId("heatmap").isDisplayed());
            browser.screenshot("5-width-1024");
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    private static void upload(String content) throws IOException {
        Path file = Files.createTempFile("playground", ".csv");
        Files.writeString(file, content);
        browser.byId("csv-file").sendKeys(file.toAbsolutePath().toString());
        file.toFile().deleteOnExit();
    }
}
