package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.FixedTables;
import org.nnplayground.playground.data.Sample;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The course panels in a real browser: each view updates while training, draw mode, the lessons, a sweep. */
class CourseBrowserTest extends BrowserTest {
    private static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0"
            + "&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";

    @Test
    void confusionMatrixUpdatesWhileTrainingAndCountsEveryTestPoint() throws IOException {
        browser.open(C1);
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> first("#confusion-matrix table[data-set=test]"));
        // the matrix follows training: a later epoch's counts replace the first ones
        String before = browser.waitUntil(d -> browser.byId("confusion-matrix").getAttribute("data-epoch"));
        browser.waitUntil(Duration.ofSeconds(60), d -> !before.equals(browser.byId("confusion-matrix").getAttribute("data-epoch")) ? true : null);
        browser.byId("play-pause-button").click();
        // read the table and its cells in one script: the next report may replace it at any time
        String counted = (String) browser.js("const t = document.querySelector('#confusion-matrix table[data-set=test]'); let s = 0;"
                + " t.querySelectorAll('td b').forEach(b => s += Number(b.textContent)); return t.dataset.total + ' ' + s;");
        assertEquals("250 250", counted, "test points, and the counts add up to them");
        shoot("course-1-confusion", "course");
    }

    @Test
    void predictedVersusActualForARegressionLink() throws IOException {
        browser.open("problem=regression&regDataset=reg-plane&seed=0.3&networkShape=4&learningRate=0.01&x=true&y=true");
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> {
            String r2 = browser.byId("pred-canvas").getAttribute("data-r2-test");
            return r2 != null && !r2.isEmpty() && Double.parseDouble(r2) > 0.5 ? true : null;
        });
        browser.byId("play-pause-button").click();
        assertTrue(browser.byId("pred-vs-actual").isDisplayed());
        assertTrue(!browser.byId("confusion-matrix").isDisplayed(), "no confusion matrix for regression");
        assertTrue(browser.text("pred-r2").startsWith("R² training"), browser.text("pred-r2"));
        assertTrue(Integer.parseInt(browser.byId("pred-canvas").getAttribute("data-points")) > 200);
        shoot("course-2-pred-vs-actual", "insights");
    }

    @Test
    void gradientChartShowsASixLayerSigmoidNetsFirstLayerFarBelowItsLast() throws IOException {
        browser.open("activation=sigmoid&networkShape=8,8,8,8,8,8&dataset=circle&seed=0.4&learningRate=0.03&x=true&y=true");
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.byId("gradient-canvas").getAttribute("data-first") != null ? true : null);
        browser.byId("play-pause-button").click();
        WebElement canvas = browser.byId("gradient-canvas");
        double first = Double.parseDouble(canvas.getAttribute("data-first"));
        double last = Double.parseDouble(canvas.getAttribute("data-last"));
        assertEquals("7", canvas.getAttribute("data-layers"));
        assertTrue(last >= 100 * first, "last " + last + " first " + first);
        shoot("course-3-gradients", "insights");
    }

    @Test
    void drawTenPointsAndTrainOnThem() throws IOException {
        browser.open(C1);
        open("draw-panel");
        browser.byId("draw-toggle").click();
        WebElement map = browser.byId("heatmap");
        int w = map.getSize().getWidth();
        for (int i = 0; i < 10; i++) {
            int dx = (int) (w * (0.15 + 0.07 * i)) - w / 2;
            int dy = (i % 2 == 0 ? -w / 4 : w / 4);
            Actions click = new Actions(browser.driver).moveToElement(map, dx, dy);
            if (i % 2 == 1) click.keyDown(org.openqa.selenium.Keys.SHIFT).click().keyUp(org.openqa.selenium.Keys.SHIFT).perform();
            else click.click().perform();
            int expected = i + 1;
            browser.waitUntil(d -> browser.text("draw-count").equals(expected + (expected == 1 ? " point" : " points")));
        }
        long trainPoints = (Long) browser.js("return window.playgroundStats.lastFrame ? 1 : 0");
        assertEquals(1, trainPoints);
        String epoch = browser.text("iter-number");
        browser.waitUntil(Duration.ofSeconds(60), d -> !browser.text("iter-number").equals(epoch) ? true : null);
        // right-click removes a point
        new Actions(browser.driver).moveToElement(map, (int) (w * 0.15) - w / 2, -w / 4).contextClick().perform();
        browser.waitUntil(d -> browser.text("draw-count").equals("9 points"));
        browser.byId("draw-toggle").click();
        browser.screenshot("course-4-drawn-points");
    }

    @Test
    void perceptronLessonsReachTheirSolutions() throws IOException {
        browser.open(C1);
        open("lesson");
        browser.byId("lesson-xor").click();
        browser.waitUntil(d -> browser.byId("lesson-solution").isEnabled() ? true : null);
        browser.byId("lesson-solution").click();
        browser.waitUntil(d -> "0".equals(browser.byId("misclassified").getAttribute("data-count")) ? true : null);
        shoot("course-5-xor-lesson", "lesson");

        browser.byId("lesson-alien").click();
        browser.waitUntil(d -> browser.hash().contains("dataset=alien-nn") && browser.byId("lesson-solution").isEnabled() ? true : null);
        browser.byId("lesson-solution").click();
        // the page counts what the server's network says: the book's lines classify every alien
        assertEquals(0, bookMistakesOnAlienTable(), "the oracle: the book's lines on the chapter's table");
        browser.waitUntil(d -> "0".equals(browser.byId("misclassified").getAttribute("data-count")) ? true : null);
        assertEquals("6", ((WebElement) browser.byId("lesson-w-0-0")).getAttribute("value"));
        assertEquals("-15", browser.byId("lesson-w-1-2").getAttribute("value"));
        browser.screenshot("course-5-alien-lesson");
        shoot("course-5-alien-map", "heatmap");
        shoot("course-5-alien-panel", "lesson");
    }

    @Test
    void aThreeByThreeSweepCompletesAndOpensAResult() throws IOException {
        browser.open(C1);
        open("sweep");
        new Select(browser.byId("sweep-key-0")).selectByValue("learningRate");
        WebElement v0 = browser.byId("sweep-values-0");
        v0.clear();
        v0.sendKeys("0.003, 0.03, 0.3");
        new Select(browser.byId("sweep-key-1")).selectByValue("networkShape");
        WebElement v1 = browser.byId("sweep-values-1");
        v1.clear();
        v1.sendKeys("4:4, 2, 8");
        WebElement epochs = browser.byId("sweep-epochs");
        epochs.clear();
        epochs.sendKeys("60");
        browser.byId("sweep-run").click();
        browser.waitUntil(Duration.ofSeconds(90), d -> "done".equals(browser.byId("sweep").getAttribute("data-state")) ? true : null);
        List<WebElement> rows = browser.all("#sweep-table tbody tr");
        assertEquals(9, rows.size());
        // sorting by a column header reorders the rows
        browser.all("#sweep-table th").get(0).click();
        String firstAfterSort = browser.all("#sweep-table tbody tr").get(0).getAttribute("data-link");
        assertTrue(firstAfterSort.contains("learningRate=0.003"), firstAfterSort);
        shoot("course-6-sweep", "sweep");
        WebElement pick = browser.all("#sweep-table tbody tr").get(8);
        String link = pick.getAttribute("data-link");
        pick.click();
        browser.waitUntil(d -> browser.hash().equals("#" + link) ? true : null);
        browser.waitUntil(d -> "0.3".equals(new Select(browser.byId("learningRate")).getFirstSelectedOption().getAttribute("value")) ? true : null);
    }

    @Test
    void earlyStoppingMarksTheBestEpochOnTheLossChart() throws IOException {
        browser.open(C1.replace("learningRate=0.03", "learningRate=3") + "&earlyStop=5");
        assertEquals("5", new Select(browser.byId("earlyStop")).getFirstSelectedOption().getAttribute("value"));
        browser.byId("play-pause-button").click();
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.byId("best-epoch-marker").isDisplayed() ? true : null);
        browser.waitUntil(Duration.ofSeconds(60), d -> browser.text("best-epoch-text").startsWith("Early stopping: best epoch") ? true : null);
        WebElement marker = browser.byId("best-epoch-marker");
        assertEquals("linechart", marker.findElement(By.xpath("..")).getAttribute("id"));
        shoot("course-7-early-stop", "output-column");
    }

    @Test
    void theCoursePanelsFitA1024PixelWideScreen() {
        org.openqa.selenium.Dimension before = browser.driver.manage().window().getSize();
        try {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1024, 768));
            browser.open(C1);
            browser.js("for (const d of document.querySelectorAll('#course details')) d.open = true;");
            String wide = (String) browser.js("const w = document.documentElement.clientWidth; const out = [];"
                    + " for (const e of document.querySelectorAll('#course *')) { const r = e.getBoundingClientRect();"
                    + "   if (r.right > w + 0.5 && r.width > 0) out.push((e.id || e.className || e.tagName) + ':' + Math.round(r.right)); }"
                    + " return out.slice(0, 8).join(', ');");
            assertEquals("", wide, "course elements past the right edge (the playground above is the page's own)");
        } finally {
            browser.driver.manage().window().setSize(before);
        }
    }

    @Test
    void hideTextHidesTheCourseText() {
        browser.open(C1 + "&hideText=true");
        browser.waitUntil(d -> !browser.byId("course-text").isDisplayed() ? true : null);
        browser.open(C1);
        browser.waitUntil(d -> browser.byId("course-text").isDisplayed() ? true : null);
        String tip = browser.byId("learningRate").getAttribute("title");
        assertTrue(tip != null && tip.contains("step"), tip);
    }

    /** The book's lines 6a + 10b - 15 and 10a + 6b - 15 joined by AND, evaluated on the alien table. */
    static int bookMistakesOnAlienTable() {
        int wrong = 0;
        for (Sample s : FixedTables.alienNn()) {
            boolean one = 6 * s.x() + 10 * s.y() - 15 >= 0;
            boolean two = 10 * s.x() + 6 * s.y() - 15 >= 0;
            if ((one && two) != (s.label() > 0)) wrong++;
        }
        return wrong;
    }

    private static WebElement first(String css) {
        List<WebElement> found = browser.all(css);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String caption(String set) {
        WebElement t = first("#confusion-matrix table[data-set=" + set + "] caption");
        return t == null ? null : t.getText();
    }

    private static void open(String detailsId) {
        browser.js("document.getElementById(arguments[0]).open = true; document.getElementById(arguments[0]).scrollIntoView()", detailsId);
    }

    /** A screenshot of one element (the course panels are below the fold). */
    private static void shoot(String name, String id) throws IOException {
        WebElement e = browser.byId(id);
        browser.js("arguments[0].scrollIntoView()", e);
        Files.createDirectories(BrowserSession.SCREENSHOTS);
        Files.write(BrowserSession.SCREENSHOTS.resolve(name + ".png"), e.getScreenshotAs(OutputType.BYTES));
    }
}
