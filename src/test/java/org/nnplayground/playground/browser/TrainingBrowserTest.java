package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Playing trains and redraws; hovering a neuron shows it; editing a weight moves the boundary. */
class TrainingBrowserTest extends BrowserTest {
    private static final String SPIRAL = "activation=tanh&batchSize=10&dataset=spiral&learningRate=0.03"
            + "&regularizationRate=0&noise=0&networkShape=6,4&seed=0.12345&percTrainData=50&x=true&y=true"
            + "&xSquared=true&ySquared=true&problem=classification&showTestData=true";

    @Test
    void playingAdvancesEpochChartAndHeatmap() throws Exception {
        browser.open(SPIRAL);
        String heatmap = browser.heatmapPixels();
        String chart = browser.chartPixels();
        browser.screenshot("2-before-play");

        browser.js("window.playgroundStats.reset()");
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> browser.byId("play-pause-button").getAttribute("class").contains("playing"));
        // counts, not times: a loaded machine trains the same epochs later
        browser.waitUntil(d -> epoch() > 10);
        int epochMid = epoch();
        browser.waitUntil(d -> epoch() > epochMid);
        browser.screenshot("2-playing");

        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();          // keyboard: space pauses
        browser.waitUntil(d -> !browser.byId("play-pause-button").getAttribute("class").contains("playing"));
        assertNotEquals(heatmap, browser.heatmapPixels(), "the boundary changed");
        assertNotEquals(chart, browser.chartPixels(), "the loss chart grew");
        assertEquals(0L, browser.js("return window.playgroundStats.historyBreaks"),
                () -> "every epoch reaches the chart: " + browser.js("return JSON.stringify(window.playgroundStats.breaks)"));
        int paused = epoch();
        new Actions(browser.driver).sendKeys(Keys.ARROW_RIGHT).perform();    // keyboard: right arrow steps
        // the view froze at the click; the server may have trained an epoch or more before the pause
        // reached it, so the step shows one after the server's last, not necessarily paused + 1
        browser.waitUntil(d -> epoch() > paused);
    }

    @Test
    void hoveringANeuronShowsItAndEditingAWeightMovesTheBoundary() throws Exception {
        browser.open(SPIRAL);
        String output = browser.heatmapPixels();
        List<WebElement> neurons = browser.all(".node.hidden");
        WebElement neuron = neurons.get(1);
        String index = neuron.getAttribute("data-node-index");

        new Actions(browser.driver).moveToElement(neuron).perform();
        browser.waitUntil(d -> index.equals(selectedIndex()));
        browser.waitUntil(d -> !browser.heatmapPixels().equals(output));
        browser.screenshot("4-hover-neuron");

        new Actions(browser.driver).moveToElement(browser.byId("loss-test")).perform();  // leave: output again
        browser.waitUntil(d -> browser.heatmapPixels().equals(output));

        // The link into the output from the first neuron of the last hidden layer: links are drawn on
        // a canvas, so the pointer goes to the curve's middle (halfway between its two ends).
        WebElement network = browser.byId("network");
        @SuppressWarnings("unchecked")
        List<Number> offset = (List<Number>) browser.js("const hidden = [...document.querySelectorAll('.node.hidden')];"
                + " const from = hidden[hidden.length - 2].getBoundingClientRect(), to = document.querySelector('.node.output').getBoundingClientRect();"
                + " const box = document.getElementById('network').getBoundingClientRect();"
                + " const x = (from.right + to.left) / 2, y = (from.top + from.height / 2 + to.top + to.height / 2) / 2;"
                + " return [Math.round(x - (box.left + box.width / 2)), Math.round(y - (box.top + box.height / 2))];");
        new Actions(browser.driver).moveToElement(network, offset.get(0).intValue(), offset.get(1).intValue()).perform();
        WebElement card = browser.byId("hovercard");
        browser.waitUntil(d -> card.isDisplayed() && card.getText().contains("Weight is"));
        browser.screenshot("4-weight-hovercard");
        new Actions(browser.driver).click().perform();
        WebElement input = card.findElement(By.cssSelector(".hovercard-input"));
        browser.waitUntil(d -> input.isDisplayed());
        // text is refused, not read as 0
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "abc", Keys.ENTER);
        browser.waitUntil(d -> browser.all("#toasts .toast").stream().anyMatch(t -> t.getText().contains("Type a number")));
        assertTrue(input.isDisplayed(), "the card stays open for a number");
        assertEquals(output, browser.heatmapPixels(), "nothing changed");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "-4", Keys.ENTER);
        browser.waitUntil(d -> !browser.heatmapPixels().equals(output));
        assertEquals("000,000", browser.text("iter-number"), "editing a weight does not train");
        browser.screenshot("4-weight-edited");
    }

    private static int epoch() { return Integer.parseInt(browser.text("iter-number").replace(",", "")); }

    private static String selectedIndex() {
        WebElement selected = browser.driver.findElements(By.cssSelector(".node.selected")).stream().findFirst().orElse(null);
        return selected == null ? null : selected.getAttribute("data-node-index");
    }
}
