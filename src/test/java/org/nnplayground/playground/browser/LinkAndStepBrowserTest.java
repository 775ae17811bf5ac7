package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** A TF Playground link opens with its settings and steps to TF's own losses; edits follow the link. */
class LinkAndStepBrowserTest extends BrowserTest {

    @Test
    void tfLinkShowsItsSettingsAndTenStepsGiveTfLosses() throws IOException {
        JsonNode h1 = new ObjectMapper().readTree(Path.of("src/test/resources/tf-vectors/H1.json").toFile());
        browser.open(h1.get("hash").asText());

        assertEquals("0.03", new Select(browser.byId("learningRate")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("tanh", browser.byId("activations").getAttribute("value"));
        assertEquals("none", browser.byId("regularizations").getAttribute("value"));
        assertEquals("0", browser.byId("regularRate").getAttribute("value"));
        assertEquals("classification", browser.byId("problem").getAttribute("value"));
        assertEquals("50", browser.byId("percTrainData").getAttribute("value"));
        assertEquals("10", browser.byId("batchSize").getAttribute("value"));
        assertEquals("2", browser.text("num-layers"));
        assertEquals("000,000", browser.text("iter-number"));
        // A tanh network's output is smooth: neighbouring cells of the decoded grid differ little
        // (a wrong delta/predictor decoding shows as stripes with big jumps).
        long jump = (Long) browser.js("const f = window.playgroundStats.lastFrame, g = f.grid, n = f.gridSize; let m = 0;"
                + " for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {"
                + "   if (c + 1 < n) m = Math.max(m, Math.abs(g[r*n+c] - g[r*n+c+1]));"
                + "   if (r + 1 < n) m = Math.max(m, Math.abs(g[r*n+c] - g[(r+1)*n+c])); }"
                + " return m;");
        assertTrue(jump <= 24, "largest step between neighbouring heatmap cells: " + jump);
        long thumbJump = (Long) browser.js("const f = window.playgroundStats.lastFrame, g = f.thumbs, t = f.thumbSize; let m = 0;"
                + " for (let i = 0; i < g.length; i++) if ((i % t) + 1 < t) m = Math.max(m, Math.abs(g[i] - g[i+1]));"
                + " return m;");
        assertTrue(thumbJump <= 128, "largest step between neighbouring thumbnail cells: " + thumbJump);

        for (int i = 0; i < 10; i++) {
            browser.byId("next-step-button").click();
            int expected = i + 1;
            browser.waitUntil(d -> browser.text("iter-number").equals(String.format("000,%03d", expected)));
        }
        assertEquals("000,010", browser.text("iter-number"));
        assertEquals(threeDecimals(h1.get("lossTrain").get(10).asDouble()), browser.text("loss-train"));
        assertEquals(threeDecimals(h1.get("lossTest").get(10).asDouble()), browser.text("loss-test"));
        browser.screenshot("1-h1-after-10-steps");
    }

    @Test
    void editsFollowTheLinkAndAReloadBringsThemBack() throws IOException {
        browser.open("activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0"
                + "&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification");
        assertEquals(6, browser.all(".node.hidden").size());

        browser.byId("add-layers").click();
        browser.waitUntil(d -> browser.hash().contains("networkShape=4,2,2"));
        browser.waitUntil(d -> browser.all(".node.hidden").size() == 8);
        assertEquals("3", browser.text("num-layers"));

        browser.all(".layer-header .mini-button").get(0).click();      // "+" of the first hidden layer
        browser.waitUntil(d -> browser.hash().contains("networkShape=5,2,2"));
        browser.waitUntil(d -> browser.all(".node.hidden").size() == 9);

        browser.driver.findElement(By.cssSelector(".node.feature[data-feature=xSquared]")).click();
        browser.waitUntil(d -> browser.hash().contains("xSquared=true"));
        browser.waitUntil(d -> browser.all(".node.feature.active").size() == 3);

        new Select(browser.byId("activations")).selectByValue("relu");
        browser.waitUntil(d -> browser.hash().contains("activation=relu"));
        browser.screenshot("3-edited-network");

        String link = browser.hash().substring(1);
        browser.open(link);
        browser.driver.navigate().refresh();
        browser.waitForFirstFrame();
        assertEquals("relu", browser.byId("activations").getAttribute("value"));
        assertEquals("3", browser.text("num-layers"));
        assertEquals(9, browser.all(".node.hidden").size());
        assertEquals(3, browser.all(".node.feature.active").size());
        assertTrue(browser.driver.findElement(By.cssSelector(".node.feature[data-feature=xSquared]"))
                .getAttribute("class").contains("active"));
        assertTrue(browser.hash().contains("networkShape=5,2,2"), browser.hash());
        browser.screenshot("3-after-reload");
    }

    private static String threeDecimals(double v) { return String.format(Locale.ROOT, "%.3f", v); }
}
