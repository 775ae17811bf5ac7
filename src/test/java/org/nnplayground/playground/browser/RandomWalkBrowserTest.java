package org.nnplayground.playground.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The model-based test: seeded random walks of user actions ({@link Walk}) checking after every
 * action that the page shows what the server runs, and every few actions that the address bar's
 * link gives the same run in a fresh tab. A failing walk is shrunk to a minimal sequence, printed
 * to be kept below as a fixed regression test.
 * <p>
 * The default suite walks one seed of 60 actions with a fresh tab every 20 (it must stay a small
 * part of the suite's time); {@code scripts/walk.sh}
 * walks five ({@code -Dwalk.seeds=1,2,3,4,5 -Dwalk.actions=200 -Dwalk.freshEvery=10}), and with
 * {@code -Dwalk.count=true} prints every violation and walks on instead of shrinking the first.
 */
@Tag("browser")
class RandomWalkBrowserTest {
    private static final int ACTIONS = Integer.getInteger("walk.actions", 60);
    private static final int FRESH_EVERY = Integer.getInteger("walk.freshEvery", 20);
    private static final List<Long> SEEDS = Arrays.stream(System.getProperty("walk.seeds", "1").split(","))
            .map(String::trim).map(Long::parseLong).toList();
    private static final int SHRINK_REPLAYS = Integer.getInteger("walk.shrinkReplays", 40);
    /** Counting mode: every violation is printed and the walk goes on (no shrinking). */
    private static final boolean COUNT = Boolean.getBoolean("walk.count");
    private static BrowserSession browser;
    private static Walk walk;

    @BeforeAll
    static void start() throws IOException {
        browser = BrowserSession.start();
        walk = new Walk(browser);
    }

    @AfterAll
    static void stop() throws IOException { browser.close(); }

    @Test
    void thePageShowsWhatTheServerRunsOnRandomWalks() {
        List<String> failures = new ArrayList<>();
        for (long seed : SEEDS) {
            String failure = walkOnce(seed);
            if (failure != null) failures.add(failure);
        }
        assertEquals(List.of(), failures);
    }

    /** One seed's walk; on a violation, the shrunk sequence that still shows it. */
    private static String walkOnce(long seed) {
        Random random = new Random(seed);
        long started = System.nanoTime();
        int counted = 0;
        walk.start();
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < ACTIONS; i++) {
            String action = walk.pick(random);
            steps.add(action);
            if (COUNT) System.out.println("walk " + seed + " #" + i + " " + action);
            walk.perform(action);
            List<String> v = walk.violations();
            boolean fresh = v.isEmpty() && (i + 1) % FRESH_EVERY == 0;
            if (fresh) v = walk.freshTab();
            if (!v.isEmpty() && COUNT) {
                String where = fresh ? " (" + action + ", fresh tab): " : " (" + action + "): ";
                v.forEach(each -> System.out.println("walk violation seed " + seed + " action " + steps.size() + where + each));
                counted += v.size();
                continue;
            }
            if (!v.isEmpty()) {
                System.out.println("walk seed " + seed + " action " + i + " (" + action + "): " + v);
                List<String> minimal = walk.shrink(steps, fresh, SHRINK_REPLAYS);
                String again = walk.replay(minimal, fresh);
                String report = "seed " + seed + " after " + (i + 1) + " actions: " + v + "\n  minimal (" + minimal.size() + "): "
                        + quoted(minimal) + (fresh ? " then the fresh tab" : "") + "\n  replayed: " + again;
                System.out.println("walk " + report);
                return report;
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("walk seed " + seed + ": " + ACTIONS + " actions, " + (COUNT ? counted + " violations" : "no violation") + ", " + seconds + " s");
        return null;
    }

    /**
     * Shrinks sequences a counting walk printed ({@code -Dwalk.shrink="a|b|c;d|e"}: actions split by
     * '|', sequences by ';'; {@code -Dwalk.shrinkFresh=true} when the fresh tab showed it) and prints
     * the minimal ones: a 200-action walk's own shrinking replays its whole prefix up to 40 times.
     */
    @Test
    @EnabledIfSystemProperty(named = "walk.shrink", matches = ".+")
    void shrinksPrintedSequences() {
        boolean fresh = Boolean.getBoolean("walk.shrinkFresh");
        for (String sequence : System.getProperty("walk.shrink").split(";")) {
            List<String> failing = Arrays.stream(sequence.split("\\|")).map(String::trim).filter(a -> !a.isEmpty()).toList();
            String first = walk.replay(failing, fresh);
            System.out.println("walk shrink: " + quoted(failing) + " gives " + first);
            if (first == null) continue;
            List<String> minimal = walk.shrink(failing, fresh, SHRINK_REPLAYS);
            System.out.println("walk shrink: minimal (" + minimal.size() + "): " + quoted(minimal) + "\n  replayed: " + walk.replay(minimal, fresh));
        }
    }

    private static String quoted(List<String> actions) {
        return "List.of(" + String.join(", ", actions.stream().map(a -> '"' + a + '"').toList()) + ")";
    }

    // ---- minimal sequences the walk found, kept as they were shrunk

    /** A model change after a reset drew its weights from TF's continuing stream: the link gave another first loss. */
    @Test
    void aModelChangeRunsTheWeightsItsLinkGives() {
        assertHolds(true, "reset", "feature xSquared");
    }

    /** A reopened saved run kept its /r/ address after a change: the address brought back the saved run. */
    @Test
    void aReopenedSavedRunsAddressFollowsTheRun() {
        assertHolds(true, "save", "menu activations=relu");
    }

    /** Regression on a classification CSV dropped the file for TF's regression data; now refused, the file runs on. */
    @Test
    void aClassificationCsvKeepsItsProblem() {
        assertHolds(true, "example one_circle.csv", "menu problem=regression");
    }

    /** House prices under a sigmoid output kept TF's -1..1 colours: every price above 1 drew as the top colour. */
    @Test
    void ownRegressionDataKeepsItsColourRangeUnderASigmoidOutput() {
        assertHolds(false, "menu output=sigmoid", "example house_prices.csv");
    }

    private static void assertHolds(boolean fresh, String... actions) {
        assertEquals(null, walk.replay(List.of(actions), fresh));
    }
}
