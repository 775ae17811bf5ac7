package org.nnplayground.playground.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start of the model-based test: a seeded random walk of user actions (data-set clicks, examples,
 * menus) checking after each that the controls show the link the server sent and that the marked
 * data set is the data in use. Only a subset of the actions and invariants so far.
 */
@Tag("browser")
class RandomWalkBrowserTest {
    private static final int ACTIONS = 40;
    private static BrowserSession browser;

    @BeforeAll
    static void start() throws IOException { browser = BrowserSession.start(); }

    @AfterAll
    static void stop() throws IOException { browser.close(); }

    @Test
    void controlsFollowTheServerOnARandomWalk() {
        Random random = new Random(19);
        browser.open("dataset=circle&seed=0.3");
        List<String> steps = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            String before = browser.hash();
            String action = act(random);
            steps.add(action);
            // the server answers every action with a link (or snaps the control back): wait for it to settle
            browser.waitUntil(d -> { sleep(150); return true; });
            String after = browser.hash();
            for (String v : check()) violations.add(i + " " + action + ": " + v + " (steps " + steps + ", hash " + after + ", before " + before + ")");
        }
        assertEquals(List.of(), violations);
    }

    private static String act(Random random) {
        switch (random.nextInt(4)) {
            case 0 -> {
                List<WebElement> sets = browser.all(".dataset-thumbnails:not([hidden]) .dataset");
                WebElement pick = sets.get(random.nextInt(sets.size()));
                String name = pick.getAttribute("data-dataset");
                pick.click();
                browser.waitUntil(d -> browser.hash().contains("=" + name));
                return "click " + name;
            }
            case 1 -> {
                String file = List.of("three_species.csv", "house_prices.csv", "one_circle.csv").get(random.nextInt(3));
                // the server takes one upload a second from one address; a refused one says so, and
                // the walk then does what a student would: waits a moment and picks it again
                for (int attempt = 1; ; attempt++) {
                    long refusals = refusals();
                    new Select(browser.byId("example-csv")).selectByValue(file);
                    browser.waitUntil(d -> loaded(file) || refusals() > refusals);
                    if (loaded(file)) break;
                    assertTrue(attempt < 4, "example " + file + " refused " + attempt + " times");
                    sleep(1100);
                }
                return "example " + file;
            }
            default -> {
                String id = List.of("learningRate", "activations", "problem", "output").get(random.nextInt(4));
                Select menu = new Select(browser.byId(id));
                List<WebElement> options = menu.getOptions();
                String value = options.get(random.nextInt(options.size())).getAttribute("value");
                menu.selectByValue(value);
                return "menu " + id + "=" + value;
            }
        }
    }

    private static boolean loaded(String file) {
        return browser.hash().contains("data=local") && browser.text("csv-name").contains(file);
    }

    /** How often the page has said an upload was refused for coming too fast. */
    private static long refusals() {
        return ((Number) browser.js("return document.body.innerText.split('one CSV upload a second').length - 1")).longValue();
    }

    /** Each menu shows the link's value; the marked data set is the one the link names, none for data=local. */
    @SuppressWarnings("unchecked")
    private static List<String> check() {
        return (List<String>) browser.js("""
                const params = new URLSearchParams(location.hash.slice(1)); const out = [];
                for (const s of document.querySelectorAll('#top-controls select[data-key]')) {
                  const k = s.dataset.key; if (params.has(k) && params.get(k) !== s.value) out.push(k + ' shows ' + s.value + ', link ' + params.get(k));
                }
                const own = params.get('data') === 'local';
                const marked = [...document.querySelectorAll('.dataset.selected')].map(e => e.dataset.dataset);
                const regression = params.get('problem') === 'regression';
                const named = own ? [] : [params.get(regression ? 'regDataset' : 'dataset')];
                if (marked.join() !== named.join()) out.push('marked ' + marked + ', link ' + named);
                return out;""");
    }

    private static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
