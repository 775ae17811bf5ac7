package org.nnplayground.playground.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The model-based walk over the playground page: user actions written as replayable text
 * ("click spiral", "menu activation=relu", "paste dataset=xor&noise=20", ...), and the invariants
 * between the page, the server and the link checked after each. A test hook is installed by the
 * browser (CDP, before the page's scripts), never by the page: it records the last {@code session}
 * and link the server sent over the socket.
 */
final class Walk {
    /** The start of every walk and replay. */
    static final String START = "dataset=circle&seed=0.3";
    private static final List<String> EXAMPLES = List.of("three_species.csv", "house_prices.csv", "one_circle.csv");
    private static final List<String> MENUS = List.of("learningRate", "activations", "regularizations", "regularRate", "problem",
            "optimizer", "loss", "output", "init", "dropout");
    private static final List<String> SLIDERS = List.of("percTrainData", "noise", "batchSize");
    private static final List<String> FEATURES = List.of("x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY");
    private static final List<String> HIDES = List.of("learningRate", "activation", "problem", "dataset", "numHiddenLayers", "noise",
            "percTrainData", "x", "sinY", "playButton", "hideText");
    private static final List<String> PASTES = List.of(
            "dataset=xor&noise=20&networkShape=3&activation=relu&seed=0.5",
            "dataset=spiral&networkShape=8,8,4&x=true&y=true&sinX=true&sinY=true&learningRate=0.1&seed=0.2",
            "problem=regression&regDataset=reg-gauss&networkShape=5&seed=0.9",
            "dataset=blobs4&output=softmax&loss=crossEntropy&networkShape=4&seed=0.1",
            "dataset=gauss&percTrainData=90&batchSize=30&activation=linear&seed=0.7",
            "dataset=circle&activation=a&learningRate=b&networkShape=c&noise=d&seed=0.4",
            "dataset=xor-table&seed=0.3",
            "dataset=alien&output=step&seed=0.3",
            "problem=classification&regDataset=reg-plane&dataset=moons&seed=0.6",
            "dataset=circle&loss=logLoss&output=linear&seed=0.3",
            "dataset=spiral3&networkShape=6,4&standardize=true&seed=0.8",
            "dataset=checkerboard&x_hide=true&xSquared=true&networkShape=2&seed=0.3",
            "problem=regression&dataset=circle&seed=0.3&output=softmax");
    /** Small files of one's own: named classes, a regression, three columns. */
    private static final Map<String, String> FILES = Map.of(
            "pets.csv", table("weight,height,animal", i -> (i % 7) + "," + (i % 5 + i % 3) + "," + (i % 2 == 0 ? "cat" : "dog"), 40),
            "tiny.csv", table("a,b,y", i -> (i % 3) + "," + (i / 3) + "," + (i % 2), 9),
            "slope.csv", table("u,v,w,price", i -> i + "," + (i % 4) + "," + (i % 5) + "," + (3 * i + 0.5 * (i % 4)), 50));

    private final BrowserSession browser;
    private final Path files;
    /** The run on the page is the one its link builds (no reset, regenerate, weight edit since the last build). */
    private boolean pristine = true;
    private String lastCheckedSession = "";

    Walk(BrowserSession browser) {
        this.browser = browser;
        try {
            files = Files.createTempDirectory("walk-csv");
            for (var f : FILES.entrySet()) Files.writeString(files.resolve(f.getKey()), f.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
    }

    private static String table(String header, java.util.function.IntFunction<String> row, int rows) {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) s.append(row.apply(i)).append('\n');
        return s.toString();
    }

    /** Records the server's last session and link; counts requests and answers to know when the page has settled. */
    private static final String HOOK = """
            (() => {
              const W = window.WebSocket;
              const walk = window.__walk = { session: null, link: null, lastText: 0, lastSent: 0, sessions: 0, errors: [], framed: true, framedAt: 0 };
              window.WebSocket = class extends W {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('message', e => {
                    if (typeof e.data !== 'string') { if (!walk.framed) { walk.framed = true; walk.framedAt = performance.now(); } return; }
                    let m; try { m = JSON.parse(e.data); } catch { return; }
                    if (['session', 'link', 'error', 'status', 'saved', 'resumed'].includes(m.type)) walk.lastText = performance.now();
                    if (m.type === 'session') { walk.session = m; walk.link = m.link; walk.sessions++; walk.framed = false; }
                    if (m.type === 'link') walk.link = m.hash;
                    if (m.type === 'error') walk.errors.push(m.message);
                  });
                }
                send(data) {
                  if (typeof data === 'string' && !/"type":"(ack|selectNode)"/.test(data)) walk.lastSent = performance.now();
                  return super.send(data);
                }
              };
            })();""";

    void start() {
        browser.open(START);
        pristine = true;
    }

    // ---- actions

    /** A random action, as the text that replays it. */
    String pick(Random random) {
        int r = random.nextInt(100);
        if (r < 12) {
            List<WebElement> sets = browser.all(".dataset-thumbnails:not([hidden]) .dataset");
            if (sets.isEmpty()) return "step";
            return "click " + sets.get(random.nextInt(sets.size())).getAttribute("data-dataset");
        }
        if (r < 16) return "example " + EXAMPLES.get(random.nextInt(EXAMPLES.size()));
        if (r < 19) return "upload " + List.copyOf(FILES.keySet()).get(random.nextInt(FILES.size()));
        if (r < 40) {
            String id = MENUS.get(random.nextInt(MENUS.size()));
            List<WebElement> options = new Select(browser.byId(id)).getOptions();
            return "menu " + id + "=" + options.get(random.nextInt(options.size())).getAttribute("value");
        }
        if (r < 48) {
            String id = SLIDERS.get(random.nextInt(SLIDERS.size()));
            WebElement s = browser.byId(id);
            double min = Double.parseDouble(s.getAttribute("min")), max = Double.parseDouble(s.getAttribute("max"));
            double step = Double.parseDouble(s.getAttribute("step"));
            long n = Math.round((max - min) / step);
            return "slide " + id + "=" + trim(min + step * random.nextInt((int) n + 1));
        }
        if (r < 55) return "feature " + FEATURES.get(random.nextInt(FEATURES.size()));
        if (r < 59) return random.nextBoolean() ? "addLayer" : "removeLayer";
        if (r < 65) return "neuron " + random.nextInt(3) + (random.nextBoolean() ? " +" : " -");
        if (r < 68) return "regenerate";
        if (r < 71) return "reset";
        if (r < 76) return "play";
        if (r < 80) return "pause";
        if (r < 85) return "step";
        if (r < 90) return "paste " + PASTES.get(random.nextInt(PASTES.size()));
        if (r < 94) return "hide " + HIDES.get(random.nextInt(HIDES.size()));
        if (r < 97) return "check " + List.of("show-test-data", "discretize", "standardize").get(random.nextInt(3));
        return "save";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Does what the text says, as a student would, and waits until the page has settled. */
    void perform(String action) {
        String[] words = action.split(" ", 2);
        String arg = words.length > 1 ? words[1] : "";
        int sessions = sessions();
        switch (words[0]) {
            case "click" -> {
                List<WebElement> hit = browser.all(".dataset-thumbnails:not([hidden]) .dataset[data-dataset='" + arg + "']");
                if (hit.isEmpty() || !hit.get(0).isDisplayed()) return;
                hit.get(0).click();
            }
            case "example" -> {
                for (int attempt = 1; attempt < 5; attempt++) {
                    int errors = errors();
                    long refusals = refusals();
                    new Select(browser.byId("example-csv")).selectByValue(arg);
                    browser.waitUntil(Duration.ofSeconds(15), d -> sessions() > sessions || refusals() > refusals || errors() > errors);
                    if (sessions() > sessions || errors() > errors) break;
                    sleep(1100);
                }
            }
            case "upload" -> {
                for (int attempt = 1; attempt < 5; attempt++) {
                    int errors = errors();
                    long refusals = refusals();
                    browser.byId("csv-file").sendKeys(files.resolve(arg).toAbsolutePath().toString());
                    browser.waitUntil(Duration.ofSeconds(15), d -> sessions() > sessions || refusals() > refusals || errors() > errors);
                    if (sessions() > sessions || errors() > errors) break;
                    sleep(1100);
                }
            }
            case "menu" -> {
                String[] kv = arg.split("=", 2);
                WebElement menu = browser.byId(kv[0]);
                if (!menu.isDisplayed()) return;
                if (new Select(menu).getOptions().stream().noneMatch(o -> kv[1].equals(o.getAttribute("value")))) return;
                new Select(menu).selectByValue(kv[1]);
            }
            case "slide" -> {
                String[] kv = arg.split("=", 2);
                WebElement slider = browser.byId(kv[0]);
                if (!slider.isDisplayed()) return;
                browser.js("const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('input', {bubbles: true}));"
                        + "s.dispatchEvent(new Event('change', {bubbles: true}));", slider, kv[1]);
            }
            case "check" -> {
                List<WebElement> box = browser.all("#" + arg);
                if (box.isEmpty() || !box.get(0).isDisplayed()) return;
                box.get(0).click();
            }
            case "feature" -> {
                List<WebElement> node = browser.all("#network .node.feature[data-feature='" + arg + "'][role='switch']");
                if (node.isEmpty() || !node.get(0).isDisplayed()) return;
                browser.js("arguments[0].scrollIntoView({block: 'center'})", node.get(0));
                node.get(0).click();
            }
            case "addLayer", "removeLayer" -> {
                WebElement b = browser.byId(words[0].equals("addLayer") ? "add-layers" : "remove-layers");
                if (!b.isDisplayed()) return;
                b.click();
            }
            case "neuron" -> {
                String[] p = arg.split(" ");
                List<WebElement> headers = browser.all("#network .layer-header");
                int layer = Integer.parseInt(p[0]);
                if (layer >= headers.size() || !headers.get(layer).isDisplayed()) return;
                List<WebElement> buttons = headers.get(layer).findElements(By.cssSelector("button"));
                browser.js("arguments[0].scrollIntoView({block: 'center'})", buttons.get(0));
                buttons.get(p[1].equals("+") ? 0 : 1).click();
            }
            case "regenerate", "reset", "step" -> {
                WebElement b = browser.byId(switch (words[0]) {
                    case "regenerate" -> "data-regen-button";
                    case "reset" -> "reset-button";
                    default -> "next-step-button";
                });
                if (!b.isDisplayed()) return;
                b.click();
                if (!words[0].equals("step")) pristine = false;
            }
            case "play", "pause" -> {
                WebElement b = browser.byId("play-pause-button");
                boolean playing = b.getAttribute("class").contains("playing");
                if (!b.isDisplayed() || playing == words[0].equals("play")) return;
                b.click();
            }
            case "paste" -> browser.js("location.hash = arguments[0]", arg);
            case "hide" -> {
                List<WebElement> box = browser.all("#hide-controls .hide-control[data-control='" + arg + "']");
                if (box.isEmpty()) return;
                browser.js("arguments[0].click()", box.get(0));
            }
            case "save" -> {
                if (!browser.byId("save-run").isDisplayed()) return;
                browser.js("document.getElementById('save-status').textContent = ''");
                browser.js("arguments[0].click()", browser.byId("save-run"));
                browser.waitUntil(Duration.ofSeconds(15), d -> !browser.text("save-status").isEmpty() && !browser.text("save-status").startsWith("Saving"));
                if (!browser.text("save-status").startsWith("Saved")) return;
                String url = browser.byId("share-link").getAttribute("href");
                browser.driver.get("about:blank");
                browser.driver.get(url);
                browser.waitForFirstFrame();
                pristine = false;      // a saved run comes back at its epoch with its weights
            }
            default -> throw new IllegalArgumentException("no action " + action);
        }
        settle();
        if (sessions() > sessions && !words[0].equals("regenerate") && !words[0].equals("save")) pristine = true;
    }

    /** Waits until the page has had an answer to its last request, the frame of its last session and 300 ms of quiet. */
    void settle() {
        try {
            waitQuiet();
        } catch (org.openqa.selenium.TimeoutException notQuiet) {
            // still busy after 20 s (seen once while playing on a machine with load 50): the invariants
            // below are checked all the same, on what the page shows by then
            System.out.println("walk: the page did not settle in 20 s; checking it as it is");
        }
    }

    private void waitQuiet() {
        browser.waitUntil(Duration.ofSeconds(20), d -> (Boolean) browser.js("""
                const w = window.__walk; if (!w) return false; const now = performance.now();
                const answered = w.lastText >= w.lastSent || now - w.lastSent > 1500;
                // a session's frame may come a turn later on a busy server: the checks read the frame on screen
                return answered && w.framed && now - w.framedAt > 100 && now - Math.max(w.lastText, w.lastSent) > 300;"""));
    }

    private int sessions() { return ((Number) browser.js("return window.__walk ? window.__walk.sessions : 0")).intValue(); }

    private int errors() { return ((Number) browser.js("return window.__walk ? window.__walk.errors.length : 0")).intValue(); }

    private long refusals() {
        return ((Number) browser.js("return document.body.innerText.split('one CSV upload a second').length - 1")).longValue();
    }

    // ---- invariants

    /** Every invariant between page, server and link that does not hold now. */
    @SuppressWarnings("unchecked")
    List<String> violations() {
        return (List<String>) browser.js(INVARIANTS);
    }

    private static final String INVARIANTS = """
            const w = window.__walk, s = w && w.session, out = [];
            if (!s) return ['no session from the server'];
            const parse = h => { const m = new Map(); for (const part of h.replace(/^#/, '').split('&')) { if (!part) continue;
              const eq = part.indexOf('='); const k = eq < 0 ? part : part.slice(0, eq), v = eq < 0 ? '' : part.slice(eq + 1);
              try { m.set(decodeURIComponent(k), decodeURIComponent(v)); } catch { m.set(k, v); } } return m; };
            const hash = location.hash.replace(/^#/, '');
            if (hash !== w.link) out.push('address bar: ' + hash + ' but the server runs ' + w.link);
            const link = parse(w.link);
            const table = new Map(JSON.parse(document.getElementById('link-table').textContent).keys.map(r => [r.key, r]));
            const expected = k => link.has(k) ? link.get(k) : (s.effective && s.effective[k] !== undefined ? s.effective[k] : table.get(k)?.shows ?? null);
            const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length) && !e.closest('.hidden-by-link');
            for (const input of document.querySelectorAll('#top-controls [data-key], #data-column [data-key], #output-column [data-key]')) {
              if (!(input instanceof HTMLSelectElement || input instanceof HTMLInputElement)) continue;
              const k = input.dataset.key, want = expected(k);
              if (want === null) continue;
              const shown = input.type === 'checkbox' ? String(input.checked) : input.value;
              const same = input.type === 'range' ? Number(shown) === Number(want) : shown === want;
              if (!same) out.push('control ' + k + ' shows ' + shown + ', the server runs ' + want);
            }
            const menu = id => document.getElementById(id).value;
            if (menu('problem') !== s.problem) out.push('problem menu ' + menu('problem') + ', the run is ' + s.problem);
            if (s.layers.length > 2 && menu('activations') !== s.hiddenActivation) out.push('activation menu ' + menu('activations') + ', the run uses ' + s.hiddenActivation);
            if (menu('optimizer') !== s.optimizer) out.push('optimizer menu ' + menu('optimizer') + ', the run uses ' + s.optimizer);
            if (menu('loss') !== 'auto' && menu('loss') !== s.loss) out.push('loss menu ' + menu('loss') + ', the run uses ' + s.loss);
            if (menu('output') !== 'auto' && menu('output') !== s.outputActivation) out.push('output menu ' + menu('output') + ', the run uses ' + s.outputActivation);
            const hidden = s.layers.slice(1, -1);
            if (document.getElementById('num-layers').textContent !== String(hidden.length)) out.push('hidden layers shown ' + document.getElementById('num-layers').textContent + ', the run has ' + hidden.length);
            if (!(s.imageSide > 0)) {
              const counts = [...document.querySelectorAll('#network .layer-count')].map(e => parseInt(e.textContent));
              if (counts.join() !== hidden.join()) out.push('neurons shown ' + counts + ', the run has ' + hidden);
              const drawn = [...document.querySelectorAll('#network .node.hidden')].length;
              if (drawn !== hidden.reduce((a, b) => a + b, 0)) out.push(drawn + ' neurons drawn, the run has ' + hidden);
              const active = [...document.querySelectorAll('#network .node.feature.active')].map(e => e.dataset.feature).sort();
              if (active.join() !== [...s.inputs].sort().join()) out.push('inputs drawn ' + active + ', the run takes ' + s.inputs);
            }
            let params = 0; for (let l = 1; l < s.layers.length; l++) params += (s.layers[l - 1] + 1) * s.layers[l];
            const summed = s.summary.reduce((a, r) => a + r.parameters, 0);
            if (summed !== s.parameterCount) out.push('summary rows add to ' + summed + ' parameters, the run has ' + s.parameterCount);
            const dense = s.summary.filter(r => /dense/i.test(r.name)).map(r => r.outputShape);
            if (dense.length !== s.layers.length - 1) out.push('summary has ' + dense.length + ' dense rows, the network ' + (s.layers.length - 1) + ' layers');
            const rows = [...document.querySelectorAll('#summary-table tbody tr')].length;
            if (rows !== s.summary.length) out.push('summary table shows ' + rows + ' rows, the server ' + s.summary.length);
            const count = document.getElementById('parameter-count').textContent.replace(/[^0-9]/g, '');
            if (count !== String(s.parameterCount)) out.push('parameter count shows ' + count + ', the run has ' + s.parameterCount);
            if (s.parameterCount < params) out.push('parameters ' + s.parameterCount + ' fewer than the layers hold ' + params);
            const local = link.get('data') === 'local';
            const cls = document.getElementById('datasets'), reg = document.getElementById('reg-datasets');
            // (a link may hide the data sets: dataset_hide=true)
            if (!link.has('dataset_hide') && (visible(cls) !== (s.problem === 'classification') || visible(reg) !== (s.problem === 'regression')))
              out.push('thumbnails of ' + (visible(cls) ? 'classification' : 'regression') + ' shown for a ' + s.problem + ' run');
            const marked = [...document.querySelectorAll('.dataset.selected')].map(e => e.dataset.dataset);
            const named = local ? [] : [link.get(s.problem === 'regression' ? 'regDataset' : 'dataset') ?? table.get(s.problem === 'regression' ? 'regDataset' : 'dataset').shows];
            if (marked.join() !== named.join()) out.push('marked ' + marked + ', the run uses ' + (local ? 'its own data' : named));
            const features = new Set(table.get('x') ? ['x','y','xSquared','ySquared','xTimesY','sinX','sinY'] : []);
            if (!local && !(s.imageSide > 0) && !s.inputs.every(i => features.has(i))) out.push('the link names a TF data set but the run takes ' + s.inputs);
            if (!local && document.getElementById('csv-name').textContent.trim() !== '') out.push('csv name ' + document.getElementById('csv-name').textContent + ' shown for generated data');
            if (link.has('problem') && link.get('problem') !== s.problem) out.push('link problem ' + link.get('problem') + ', the run is ' + s.problem);
            const [lo, hi] = s.outputRange ?? [-1, 1];
            if (s.problem === 'regression' && local) {   // TF's own data keeps TF's -1..1 picture (it clamps its noisy labels too)
              const labels = [...s.train, ...s.test].map(p => p[2]);
              const out1 = labels.filter(v => v < lo - 1e-9 || v > hi + 1e-9);
              if (out1.length) out.push(out1.length + ' labels outside the colour range ' + lo + '..' + hi + ' (e.g. ' + out1[0] + ')');
            }
            const ticks = [...document.querySelectorAll('#legend .legend-ticks span')].map(e => Number(e.textContent));
            if (Math.abs(ticks[0] - lo) > 1e-2 * Math.max(1, Math.abs(lo)) || Math.abs(ticks[2] - hi) > 1e-2 * Math.max(1, Math.abs(hi)))
              out.push('legend ' + ticks + ', colour range ' + lo + '..' + hi);
            const note = document.getElementById('all-train-note');
            if (!note.hidden !== !!(s.allTrain && s.train.length > 0)) out.push('all-train note ' + (note.hidden ? 'hidden' : 'shown') + ', allTrain ' + s.allTrain);
            const f = window.playgroundStats?.lastFrame;
            const outputs = s.layers[s.layers.length - 1];
            // the big map shows the output unless a node is hovered or focused (the pointer may rest on one)
            if (f && f.gridSize && f.selectedNode === s.nodes.length - 1 && outputs > 1 !== (f.mode === 1)) out.push('frame of ' + (f.mode === 1 ? 'classes' : 'one output') + ' for ' + outputs + ' outputs');
            return out;""";

    // ---- the fresh tab

    /** Opens the address bar's link in a fresh tab: the same settings, data and (for a run its link built) first losses. */
    @SuppressWarnings("unchecked")
    List<String> freshTab() {
        Map<String, Object> here = (Map<String, Object>) browser.js("""
                const s = window.__walk.session, f = window.playgroundStats.lastFrame;
                return { url: location.href, link: window.__walk.link, facts: JSON.stringify([s.problem, s.numClasses, s.classNames, s.inputs, s.layers,
                  s.hiddenActivation, s.outputActivation, s.loss, s.optimizer, s.summary, s.outputRange, s.allTrain, s.grid]),
                  data: JSON.stringify([s.train, s.test]), epoch: f ? f.epoch : -1, loss: f ? [f.lossTrain, f.lossTest] : null,
                  playing: document.getElementById('play-pause-button').classList.contains('playing') };""");
        String link = (String) here.get("link");
        boolean local = link.contains("data=local") && !((String) here.get("url")).contains("/r/");
        if (local) return List.of();       // the student's own data is not in a link: a saved run carries it
        List<String> out = new ArrayList<>();
        String original = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        try {
            browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
            browser.driver.get((String) here.get("url"));
            browser.waitForFirstFrame();
            settle();
            Map<String, Object> there = (Map<String, Object>) browser.js("""
                    const s = window.__walk.session, f = window.playgroundStats.lastFrame;
                    return { link: window.__walk.link, facts: JSON.stringify([s.problem, s.numClasses, s.classNames, s.inputs, s.layers,
                      s.hiddenActivation, s.outputActivation, s.loss, s.optimizer, s.summary, s.outputRange, s.allTrain, s.grid]),
                      data: JSON.stringify([s.train, s.test]), epoch: f.epoch, loss: [f.lossTrain, f.lossTest], warnings: s.warnings };""");
            if (!link.equals(there.get("link"))) out.add("fresh tab runs " + there.get("link") + ", the page " + link);
            if (!here.get("facts").equals(there.get("facts"))) out.add("fresh tab's run " + there.get("facts") + ", the page's " + here.get("facts"));
            if (!here.get("data").equals(there.get("data"))) out.add("fresh tab's data differs from the page's");
            boolean comparable = pristine && !((String) here.get("url")).contains("/r/") && !(Boolean) here.get("playing")
                    && ((Number) here.get("epoch")).intValue() == 0;
            if (comparable && !String.valueOf(here.get("loss")).equals(String.valueOf(there.get("loss"))))
                out.add("fresh tab's first loss " + there.get("loss") + ", the page's " + here.get("loss"));
            if (comparable && out.isEmpty()) {
                int errors = errors();
                browser.byId("next-step-button").click();
                browser.waitUntil(d -> errors() > errors || ((Number) browser.js("return window.playgroundStats.lastFrame.epoch")).intValue() >= 1);
                if (errors() > errors) return out;      // a network that cannot train (a step output) refuses the step
                Object freshLoss = browser.js("const f = window.playgroundStats.lastFrame; return [f.epoch, f.lossTrain, f.lossTest]");
                browser.driver.close();
                browser.driver.switchTo().window(original);
                browser.byId("next-step-button").click();
                browser.waitUntil(d -> ((Number) browser.js("return window.playgroundStats.lastFrame.epoch")).intValue() >= 1);
                settle();
                Object loss = browser.js("const f = window.playgroundStats.lastFrame; return [f.epoch, f.lossTrain, f.lossTest]");
                if (!String.valueOf(loss).equals(String.valueOf(freshLoss)))
                    out.add("first epoch: fresh tab " + freshLoss + ", the page " + loss);
                return out;
            }
        } finally {
            if (!browser.driver.getWindowHandle().equals(original)) {
                browser.driver.close();
                browser.driver.switchTo().window(original);
            }
        }
        return out;
    }

    // ---- replay and shrinking

    /** Replays the actions from the start; the first violation (with its step), or null when all hold. */
    String replay(List<String> actions, boolean fresh) {
        start();
        for (int i = 0; i < actions.size(); i++) {
            perform(actions.get(i));
            List<String> v = violations();
            if (!v.isEmpty()) return i + " " + actions.get(i) + ": " + v;
        }
        if (fresh) {
            List<String> v = freshTab();
            if (!v.isEmpty()) return "fresh tab: " + v;
        }
        return null;
    }

    /** The smallest sequence found (delta debugging, within a budget of replays) that still breaks an invariant. */
    List<String> shrink(List<String> failing, boolean fresh, int budget) {
        return DeltaDebugging.minimize(failing, actions -> replay(actions, fresh) != null, budget);
    }

    private static void sleep(long ms) {
        try { Thread.sleep(ms); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
