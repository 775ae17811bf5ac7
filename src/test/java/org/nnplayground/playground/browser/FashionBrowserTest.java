package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/** dataset=fashion in the digit views: the clothes' class names on the tiles, the bars and the confusion matrix. */
class FashionBrowserTest extends BrowserTest {
    static final String SMALL = "dataset=fashion&networkShape=16&activation=relu&optimizer=adam&batchSize=50"
            + "&learningRate=0.003&seed=0.5";
    static final List<String> NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Test
    void theClothesAreNamedWhereTheDigitsShowNumbers() throws IOException {
        browser.driver.manage().window().setSize(new Dimension(1440, 900));
        browser.driver.get("about:blank");
        browser.driver.get(browser.baseUrl() + "#" + SMALL);
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.all("#digits-gallery .digit-tile").size() == 40 ? true : null);
        // every tile says a class name, in its label and its title
        Object unnamed = browser.js("return [...document.querySelectorAll('#digits-gallery .digit-tile')].filter(t =>"
                + " !arguments[0].includes(t.querySelector('span').textContent)"
                + " || !/^label .+, predicted .+$/.test(t.title) || /label \\d,/.test(t.title)).length", NAMES);
        assertEquals(0L, unnamed, "tiles named by class");
        // a tile fed through the network: ten bars named by class
        // the gallery may redraw its tiles as the run's figures come (a stale tile): the first tile as it is then
        browser.waitUntil(d -> {
            browser.all("#digits-gallery .digit-tile").get(0).click();
            return true;
        });
        browser.waitUntil(Duration.ofSeconds(20), d -> browser.all("#digits-probabilities .digit-bar").size() == 10 ? true : null);
        assertEquals(NAMES, browser.js("return [...document.querySelectorAll('#digits-probabilities .digit-bar > span:first-child')].map(s => s.textContent)"));

        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(120), d -> Integer.parseInt(browser.byId("digits").getAttribute("data-epoch")) >= 1 ? true : null);
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(30), d -> browser.byId("digits-confusion").findElements(By.tagName("table")).isEmpty() ? null : true);
        assertEquals("1 Trouser", browser.js("return document.querySelector('#digits-confusion table').rows[2].cells[0].textContent"));
        assertTrue(browser.all("#digits-gallery .digit-tile.mistake").size() < 20, "after an epoch most of the gallery is right");
        Object overflow = browser.js("const box = document.getElementById('digits-confusion'), card = box.parentElement;"
                + " return [box.scrollWidth - box.clientWidth, card.scrollWidth - card.clientWidth]");
        assertEquals(List.of(0L, 0L), overflow, "the named confusion matrix fits its card");
        assertTrue(browser.text("digits-split").contains("fixed for the images: 8,000 training and 2,000 test images"), browser.text("digits-split"));
        Object ink = browser.js("const c = document.querySelector('.dataset[data-dataset=fashion] canvas');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " let light = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 150) light++; return light > d.length / 40");
        assertEquals(Boolean.TRUE, ink, "the data set's thumbnail shows clothes");
        Files.write(Path.of("/tmp", "fashion-1440x900.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
