package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The page-never-breaks cases, each in headless Chromium with a screenshot (target/screenshots/9-*.png). */
class PageNeverBreaksBrowserTest extends BrowserTest {

    private static List<String> toasts() {
        return browser.all("#toasts .toast span").stream().map(WebElement::getText).toList();
    }

    /** Plays until the page shows an epoch trained, then pauses. */
    private static void playUntilItTrains() {
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> browser.byId("play-pause-button").getAttribute("class").contains("playing"));
        browser.waitUntil(d -> !browser.text("iter-number").equals("000,000"));
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> !browser.byId("play-pause-button").getAttribute("class").contains("playing"));
    }

    /** Case 1: a refused value falls back to its default with a warning naming the key; Play works. */
    @Test
    void aBadLinkNeverBlanksThePage() throws Exception {
        browser.open("activation=softplus&networkShape=1,1,1,1,1,1,1,1,1,1,1&learningRate=0.3&dataset=spiral&seed=0.5");
        assertEquals("tanh", browser.byId("activations").getAttribute("value"));
        assertEquals("0.3", browser.byId("learningRate").getAttribute("value"));
        assertTrue(browser.all(".node.hidden").size() > 0, "a network is drawn");
        List<String> messages = toasts();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("activation: unknown value 'softplus'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("networkShape: 11 hidden layers")), messages.toString());
        assertTrue(messages.stream().noneMatch(m -> m.contains("(set)") || m.contains("(load)")), messages.toString());
        browser.screenshot("9-1-bad-link");
        playUntilItTrains();
        assertNotEquals("000,000", browser.text("iter-number"));
    }

    /** Case 2: a CSV with 4 feature columns trains in the page and shows a labelled 2-D slice. */
    @Test
    void aFourColumnCsvTrainsWithASliceHeatmap() throws Exception {
        browser.open("seed=0.3&networkShape=6&activation=tanh&learningRate=0.1&output=softmax");
        new Select(browser.byId("example-csv")).selectByValue("three_species.csv");
        browser.waitUntil(d -> browser.byId("slice-controls").isDisplayed());
        assertEquals("bill_length_cm", new Select(browser.byId("slice-x")).getFirstSelectedOption().getAttribute("value"));
        assertEquals("bill_depth_cm", new Select(browser.byId("slice-y")).getFirstSelectedOption().getAttribute("value"));
        assertTrue(browser.text("heatmap-axes").contains("bill_length_cm"));
        playUntilItTrains();
        assertNotEquals("000,000", browser.text("iter-number"));
        assertTrue(browser.text("metric-train").endsWith("%"), browser.text("metric-train"));
        long gridSize = (Long) browser.js("return window.playgroundStats.lastFrame.gridSize");
        assertEquals(100, gridSize);
        String before = browser.heatmapPixels();
        new Select(browser.byId("slice-x")).selectByValue("body_mass_kg");
        browser.waitUntil(d -> browser.hash().contains("sliceX=body_mass_kg"));
        browser.waitUntil(d -> browser.text("heatmap-axes").contains("body_mass_kg"));
        browser.waitUntil(d -> !browser.heatmapPixels().equals(before));
        assertNotEquals("000,000", browser.text("iter-number"), "the run goes on: same epoch, another slice");
        browser.screenshot("9-2-four-column-csv-slice");
        assertEquals(0L, browser.js("return window.playgroundErrors ?? 0"));
    }

    /** Case 3: x_hide=true removes the input, and the run equals the link with x=false (TF's numbers). */
    @Test
    void aHiddenInputLinkTrainsLikeTfs() throws Exception {
        String base = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2&seed=0.777"
                + "&percTrainData=50&y=true&xSquared=true&problem=classification";
        browser.open(base + "&x=false");
        for (int i = 0; i < 5; i++) browser.byId("next-step-button").click();
        browser.waitUntil(d -> browser.text("iter-number").equals("000,005"));
        String off = browser.text("loss-train") + " " + browser.text("loss-test");
        browser.open(base + "&x=true&x_hide=true");
        assertEquals(0, browser.all(".node.feature[data-feature='x']").size(), "a hidden input is not drawn");
        for (int i = 0; i < 5; i++) browser.byId("next-step-button").click();
        browser.waitUntil(d -> browser.text("iter-number").equals("000,005"));
        assertEquals(off, browser.text("loss-train") + " " + browser.text("loss-test"));
        browser.screenshot("9-3-hidden-input");
    }

    /** Case 4: the XOR table trains on all 4 points, learned to 100 %, drawn large in its own range. */
    @Test
    void theXorTableIsLearnedWhole() throws Exception {
        browser.open("dataset=xor-table&percTrainData=100&networkShape=4,2&activation=tanh&learningRate=0.1&batchSize=1&seed=0.3");
        assertEquals("100", browser.byId("percTrainData").getAttribute("value"));
        assertTrue(browser.text("heatmap-axes").contains("1.3"), browser.text("heatmap-axes"));
        new Select(browser.byId("speed")).selectByValue("10");
        browser.waitUntil(d -> browser.hash().contains("speed=10"));
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.text("metric-train").equals("100.0%"));
        browser.byId("play-pause-button").click();
        browser.screenshot("9-4-xor-table");
    }

    /** Case 6: on 3 blobs the controls show what the server uses; a refused choice snaps back. */
    @Test
    void threeClassControlsShowTheServersSettings() throws Exception {
        browser.open("dataset=blobs3&seed=0.4");
        assertEquals("crossentropy", browser.byId("loss").getAttribute("value"));
        assertEquals("softmax", browser.byId("output").getAttribute("value"));
        new Select(browser.byId("loss")).selectByValue("mse");
        browser.waitUntil(d -> !toasts().isEmpty());
        browser.waitUntil(d -> browser.byId("loss").getAttribute("value").equals("crossentropy"));
        assertEquals(1, toasts().size(), toasts().toString());
        assertTrue(toasts().get(0).contains("softmax"), toasts().toString());
        browser.screenshot("9-6-three-classes-refused-snaps-back");
        // on two classes, softmax switches the loss to cross-entropy and says so
        browser.open("dataset=circle&seed=0.4");
        assertEquals("square", browser.byId("loss").getAttribute("value"));
        new Select(browser.byId("output")).selectByValue("softmax");
        browser.waitUntil(d -> browser.byId("loss").getAttribute("value").equals("crossentropy"));
        browser.waitUntil(d -> toasts().stream().anyMatch(m -> m.contains("cross-entropy")));
    }

    /** Case 7: toasts are plain, deduplicated and leave by themselves without covering controls. */
    @Test
    void toastsArePlainDeduplicatedAndLeave() throws Exception {
        browser.open("dataset=circle&seed=0.4&x=true");
        // hover X1 then turn it off: the stale hover is no news
        WebElement x = browser.driver.findElement(org.openqa.selenium.By.cssSelector(".node.feature[data-feature='x']"));
        new Actions(browser.driver).moveToElement(x).perform();
        x.click();
        browser.waitUntil(d -> browser.hash().contains("x=false"));
        Thread.sleep(300);
        assertTrue(toasts().isEmpty(), toasts().toString());
        for (int i = 0; i < 3; i++) browser.js("document.getElementById('learningRate').dispatchEvent(new Event('change'))");
        browser.js("const s = document.getElementById('learningRate'); s.add(new Option('abc', 'abc')); s.value = 'abc';"
                + " s.dispatchEvent(new Event('change')); s.dispatchEvent(new Event('change'));");
        browser.waitUntil(d -> !toasts().isEmpty());
        Thread.sleep(300);
        assertEquals(1, toasts().size(), toasts().toString());
        assertFalse(toasts().get(0).contains("(set)"), toasts().toString());
        // the toast sits in the page's flow: it covers neither the checkboxes nor the legend
        boolean overlaps = (Boolean) browser.js("const t = document.querySelector('#toasts .toast').getBoundingClientRect();"
                + " return ['show-test-data', 'discretize', 'legend'].some(id => { const r = document.getElementById(id).getBoundingClientRect();"
                + " return !(r.right < t.left || r.left > t.right || r.bottom < t.top || r.top > t.bottom); });");
        assertFalse(overlaps);
        browser.screenshot("9-7-one-plain-toast");
        browser.waitUntil(d -> toasts().isEmpty());
    }

    /** Case 8: at 390x844 the columns stack, nothing is wider than the screen, the heatmap is visible. */
    @Test
    void phoneLayoutStacksTheColumns() throws Exception {
        Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.open("dataset=spiral&seed=0.4&networkShape=8,8,8");
            long viewport = (Long) browser.js("return document.documentElement.clientWidth");
            long page = (Long) browser.js("return document.documentElement.scrollWidth");
            assertTrue(page <= viewport, "page " + page + " px in a " + viewport + " px screen");
            // nothing sticks out either (the network may scroll inside its own column)
            String wide = (String) browser.js("const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
                    + "'#top-controls, #top-controls .control, #main-part > section, #network-scroll, #heatmap, #linechart, #classroom, #toasts')]"
                    + ".filter(e => e.getBoundingClientRect().right > w + 0.5).map(e => e.id || e.className).join(', ')");
            assertEquals("", wide, "wider than the screen: " + wide);
            boolean inside = (Boolean) browser.js("const r = document.getElementById('heatmap').getBoundingClientRect();"
                    + " return r.left >= 0 && r.right <= document.documentElement.clientWidth && r.width >= 200;");
            assertTrue(inside, "the heatmap is fully visible");
            double data = ((Number) browser.js("return document.getElementById('data-column').getBoundingClientRect().top")).doubleValue();
            double network = ((Number) browser.js("return document.getElementById('network-column').getBoundingClientRect().top")).doubleValue();
            double output = ((Number) browser.js("return document.getElementById('output-column').getBoundingClientRect().top")).doubleValue();
            assertTrue(data < network && network < output, data + " " + network + " " + output);
            browser.screenshot("9-8-phone-top");
            browser.js("document.getElementById('heatmap').scrollIntoView()");
            browser.screenshot("9-8-phone-heatmap");
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    /** Case 9: a plateau far above the starting loss at a high rate gets a hint; huge numbers read well. */
    @Test
    void aHighRatePlateauGetsAHint() throws Exception {
        browser.open("activation=tanh&learningRate=10&dataset=circle&seed=0.5&speed=10");
        assertTrue(browser.byId("plateau-hint").getAttribute("hidden") != null);
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.byId("plateau-hint").isDisplayed());
        browser.byId("play-pause-button").click();
        assertTrue(browser.text("plateau-hint").contains("learning rate of 10"), browser.text("plateau-hint"));
        browser.screenshot("9-9-plateau-hint");
        assertEquals("2.72 × 10¹¹⁴", browser.js("return import('/web/js/readouts.js').then(m => m.formatNumber(2.7171065092165877e+114))"));
    }

    /** Case 10: shortcuts never fire inside a focused control; hidden buttons take their shortcuts along. */
    @Test
    void shortcutsStayOutOfControlsAndHiddenButtons() throws Exception {
        browser.open("dataset=circle&seed=0.4");
        WebElement slider = browser.byId("noise");
        slider.click();
        slider.sendKeys(Keys.ARROW_RIGHT);
        Thread.sleep(400);
        assertEquals("000,000", browser.text("iter-number"), "→ on a focused slider moves the slider");
        browser.js("document.activeElement.blur()");
        browser.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
        browser.waitUntil(d -> browser.text("iter-number").equals("000,001"));
        browser.open("dataset=circle&seed=0.4&playButton_hide=true&stepButton_hide=true");
        browser.driver.findElement(org.openqa.selenium.By.tagName("body")).sendKeys(Keys.ARROW_RIGHT + " ");
        Thread.sleep(500);
        assertEquals("000,000", browser.text("iter-number"));
        assertFalse(browser.byId("play-pause-button").isDisplayed());
        browser.screenshot("9-10-hidden-buttons");
    }

    /** Case 11: the classroom checkboxes rewrite the link; hideText hides the explanations. */
    @Test
    void classroomCheckboxesRewriteTheLink() throws Exception {
        browser.open("dataset=circle&seed=0.4");
        WebElement learningRate = browser.driver.findElement(org.openqa.selenium.By.cssSelector(".hide-control[data-control='learningRate']"));
        browser.js("arguments[0].scrollIntoView()", learningRate);
        learningRate.click();
        browser.waitUntil(d -> browser.hash().contains("learningRate_hide=true"));
        assertFalse(browser.byId("learningRate").isDisplayed());
        WebElement hideText = browser.driver.findElement(org.openqa.selenium.By.cssSelector(".hide-control[data-control='hideText']"));
        hideText.click();
        browser.waitUntil(d -> browser.hash().contains("hideText=true"));
        assertFalse(browser.driver.findElement(org.openqa.selenium.By.cssSelector(".tagline")).isDisplayed());
        browser.screenshot("9-11-classroom");
        browser.driver.navigate().refresh();
        browser.waitForFirstFrame();
        assertFalse(browser.byId("learningRate").isDisplayed(), "a reload keeps the classroom link");
    }
}
