package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The book's digits lesson in a real browser: live progress, weight images, the gallery, the drawing pad. */
class DigitsBrowserTest extends BrowserTest {
    static final String BOOK = "dataset=mnist&networkShape=128,64&activation=relu&dropout=0.2&optimizer=adam&batchSize=10"
            + "&learningRate=0.001&seed=0.12345";

    @Test
    void theDigitsLessonTrainsLiveAndAnswersADrawnOne() throws IOException {
        browser.driver.manage().window().setSize(new Dimension(1440, 900));
        browser.driver.get("about:blank");
        browser.driver.get(browser.baseUrl() + "#" + BOOK);
        // the first build reads the digits and measures 10,000 images: allow a busy machine its time
        browser.waitUntil(Duration.ofSeconds(60), d -> (Boolean) browser.js("return !!window.playgroundStats && window.playgroundStats.framesDrawn > 0"));
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.all("#digits-gallery .digit-tile").size() == 40 ? true : null);
        assertTrue(browser.byId("digits").isDisplayed());
        String untrainedWeights = browser.byId("digits-weights").getAttribute("data-sum");
        // an untrained network gets most of the gallery wrong, and every outlined tile is a mistake
        assertTrue(browser.all("#digits-gallery .digit-tile.mistake").size() > 10);
        assertOutlinesAreMistakes();

        browser.byId("play-pause-button").click();
        // progress within the first epoch: batches counted, a running accuracy
        String during = browser.waitUntil(Duration.ofSeconds(60), d -> {
            String t = browser.text("digits-progress");
            return t.startsWith("epoch 1: batch") && t.contains("accuracy") ? t : null;
        });
        browser.waitUntil(Duration.ofSeconds(180), d -> Integer.parseInt(browser.byId("digits").getAttribute("data-epoch")) >= 1 ? true : null);
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.byId("digits-confusion").findElements(org.openqa.selenium.By.tagName("table")).isEmpty() ? null : true);
        String trainedWeights = browser.byId("digits-weights").getAttribute("data-sum");
        assertNotEquals(untrainedWeights, trainedWeights, "the first layer's weight images changed");
        assertOutlinesAreMistakes();
        assertTrue(browser.all("#digits-gallery .digit-tile.mistake").size() < 10, "after an epoch most of the gallery is right");
        assertFirstScreenShowsTheDigits();
        assertConfusionFits();
        assertSplitSaysWhatRuns();
        assertDigitsThumbnailIsDrawn();
        shoot("digits-1440x900");

        // draw a 1: one stroke down the middle of the pad
        WebElement pad = browser.byId("digits-pad");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", pad);
        new Actions(browser.driver).moveToElement(pad, 0, -70).clickAndHold().moveByOffset(2, 40).moveByOffset(2, 40)
                .moveByOffset(2, 40).moveByOffset(0, 20).release().perform();
        String top = browser.waitUntil(Duration.ofSeconds(60), d -> {
            String t = browser.byId("digits-probabilities").getAttribute("data-top");
            return t == null || t.isEmpty() ? null : t;
        });
        browser.waitUntil(d -> "1".equals(browser.byId("digits-probabilities").getAttribute("data-top")) ? true : null);
        assertEquals("1", browser.byId("digits-probabilities").getAttribute("data-top"), "a drawn 1 is a 1 (first answer: " + top + ")");
        shoot("digits-drawn-one");

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.waitUntil(d -> (Boolean) browser.js("return innerWidth < 500"));
        browser.js("document.getElementById('digits').scrollIntoView()");
        shoot("digits-390x844");
        assertEquals(0L, browser.js("return Math.max(0, document.documentElement.scrollWidth - innerWidth)"),
                "on a phone the page never scrolls sideways");
        assertConfusionFits();
        assertTrue(during.contains("batch"), during);
    }

    /** Play, the progress line, the input image with its bars and the weight images share the first screen. */
    private static void assertFirstScreenShowsTheDigits() {
        browser.js("window.scrollTo(0, 0)");
        for (String id : new String[] {"play-pause-button", "digits-progress", "digits-input", "digits-probabilities"}) {
            Object inside = browser.js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                    + " return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth", id);
            assertEquals(Boolean.TRUE, inside, id + " lies within the first 1440x900 screen");
        }
        Object weightsShown = browser.js("const r = document.getElementById('digits-weights').getBoundingClientRect();"
                + " return r.width > 200 && r.top >= 0 && r.top + r.height / 2 <= innerHeight");
        assertEquals(Boolean.TRUE, weightsShown, "at least half of the weight images lie within the first screen");
    }

    /** The confusion matrix, its per-class accuracy column included, fits its card without scrolling. */
    private static void assertConfusionFits() {
        Object overflow = browser.js("const box = document.getElementById('digits-confusion'), card = box.parentElement;"
                + " const table = box.querySelector('table'), cells = table.rows[0].cells;"
                + " const last = cells[cells.length - 1].getBoundingClientRect(), edge = card.getBoundingClientRect();"
                + " return [box.scrollWidth - box.clientWidth, card.scrollWidth - card.clientWidth, Math.max(0, Math.ceil(last.right - edge.right))]");
        assertEquals(java.util.List.of(0L, 0L, 0L), overflow, "box, card and last column ('right') overflow by");
        assertEquals("right", browser.js("const r = document.querySelector('#digits-confusion table').rows[0].cells;"
                + " return r[r.length - 1].textContent"));
    }

    /** The ratio slider does nothing for the digits: it is hidden and a note says what runs. */
    private static void assertSplitSaysWhatRuns() {
        assertTrue(!browser.byId("percTrainData").isDisplayed(), "the ratio slider is hidden for an image run");
        WebElement note = browser.byId("digits-split");
        assertTrue(note.isDisplayed());
        assertEquals("Ratio of training to test data: 80 %, fixed for the digits: 8,000 training and 2,000 test images.", note.getText());
    }

    /** The data set's thumbnail shows digits: white ink on its black background. */
    private static void assertDigitsThumbnailIsDrawn() {
        Object ink = browser.js("const c = document.querySelector('.dataset[data-dataset=mnist] canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let white = 0, black = 0; for (let i = 0; i < d.length; i += 4) { if (d[i] > 200) white++; else if (d[i] < 30) black++; }"
                + " return [white > 20, black > d.length / 8]");
        assertEquals(java.util.List.of(true, true), ink, "white digits on black");
    }

    private static void assertOutlinesAreMistakes() {
        Object wrong = browser.js("return [...document.querySelectorAll('#digits-gallery .digit-tile')].filter(t => {"
                + " const [, label, said] = t.title.match(/label (\\d), predicted (\\d)/);"
                + " return (label !== said) !== t.classList.contains('mistake'); }).length");
        assertEquals(0L, wrong, "a tile is outlined exactly when its prediction is wrong");
    }

    private static void shoot(String name) throws IOException {
        Path file = Path.of("/tmp", name + ".png");
        Files.write(file, browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
