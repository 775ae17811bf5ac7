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
        browser.waitUntil(Duration.ofSeconds(30), d -> browser.all("#digits-gallery .digit-tile").size() == 40 ? true : null);
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
        browser.waitUntil(Duration.ofSeconds(30), d -> browser.byId("digits-confusion").findElements(org.openqa.selenium.By.tagName("table")).isEmpty() ? null : true);
        String trainedWeights = browser.byId("digits-weights").getAttribute("data-sum");
        assertNotEquals(untrainedWeights, trainedWeights, "the first layer's weight images changed");
        assertOutlinesAreMistakes();
        assertTrue(browser.all("#digits-gallery .digit-tile.mistake").size() < 10, "after an epoch most of the gallery is right");
        shoot("digits-1440x900");

        // draw a 1: one stroke down the middle of the pad
        WebElement pad = browser.byId("digits-pad");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", pad);
        new Actions(browser.driver).moveToElement(pad, 0, -70).clickAndHold().moveByOffset(2, 40).moveByOffset(2, 40)
                .moveByOffset(2, 40).moveByOffset(0, 20).release().perform();
        String top = browser.waitUntil(Duration.ofSeconds(20), d -> {
            String t = browser.byId("digits-probabilities").getAttribute("data-top");
            return t == null || t.isEmpty() ? null : t;
        });
        browser.waitUntil(Duration.ofSeconds(5), d -> "1".equals(browser.byId("digits-probabilities").getAttribute("data-top")) ? true : null);
        assertEquals("1", browser.byId("digits-probabilities").getAttribute("data-top"), "a drawn 1 is a 1 (first answer: " + top + ")");
        shoot("digits-drawn-one");

        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.js("document.getElementById('digits').scrollIntoView()");
        shoot("digits-390x844");
        assertTrue(during.contains("batch"), during);
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
