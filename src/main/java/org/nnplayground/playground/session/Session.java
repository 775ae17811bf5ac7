package org.nnplayground.playground.session;

import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Network;

import java.security.SecureRandom;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One browser tab's training session. Requests from any thread are queued; everything else
 * (training, frames, state) happens on the scheduler, one tick at a time, so the run needs no locks.
 */
public final class Session {
    /** Most epochs one step request may ask for. */
    public static final int MAX_STEP_EPOCHS = 1000;
    /** Most epochs per frame a student may choose (0 = as fast as possible). */
    public static final int MAX_EPOCHS_PER_FRAME = 1000;

    private final SessionListener listener;
    private final SessionScheduler scheduler;
    private final int evalSize;
    private final Queue<Runnable> requests = new ConcurrentLinkedQueue<>();
    /** Wake-ups since the running or queued turn began; 0 = idle (see SessionScheduler). */
    final AtomicInteger wakes = new AtomicInteger();
    private final SecureRandom seeds = new SecureRandom();
    private final LossHistory history = new LossHistory();

    private volatile SessionState state = SessionState.PAUSED;
    private volatile boolean closed;
    /** Deficit round robin budget (ns), touched only by the thread running this session's turn. */
    private double budget;
    private TrainingRun run;
    private FrameBuilder frames;
    /** Node ids of the current run, in frame order (from its description). */
    private List<String> nodes = List.of();
    private int selectedNode = -1;
    private int epochsPerFrame = 1;
    private boolean dirty;
    private long lastFrameNanos;
    /** Issue 12: the course views' feed, a background sweep, the student's drawn points. */
    private final InsightsFeed insights = new InsightsFeed();
    private BackgroundWork background;
    private final DrawnData drawn = new DrawnData();

    Session(SessionListener listener, SessionScheduler scheduler, int evalSize) {
        this.listener = listener;
        this.scheduler = scheduler;
        this.evalSize = evalSize;
    }

    /** Loads a playground link (TF Playground's or ours): new data, network and weights; paused. */
    public void load(String link) {
        request("load", () -> {
            LinkResult parsed = PlaygroundLink.parse(link, seeds);
            rebuild(TrainingRun.create(parsed.settings(), null), parsed.warnings());
        });
    }

    /** Uses a CSV file as the data set, with the current settings (or TF's defaults). */
    public void loadCsv(String name, String content, String labelColumn) {
        request("loadCsv", () -> {
            DataSet data = CsvImport.read(content, new CsvOptions(labelColumn, name));
            PlaygroundSettings settings = run != null ? run.settings() : PlaygroundLink.defaults(seeds);
            rebuild(TrainingRun.create(settings, data), List.of());
        });
    }

    public void play() {
        request("play", () -> {
            requireRun();
            String reason = run.trainer().untrainableReason();
            if (reason != null) throw new IllegalStateException("cannot train: " + reason);
            if (state == SessionState.DIVERGED) throw new IllegalStateException("training diverged: reset the network first");
            setState(SessionState.PLAYING, null);
        });
    }

    public void pause() {
        request("pause", () -> {
            if (state == SessionState.PLAYING) setState(SessionState.PAUSED, null);
        });
    }

    /** Trains {@code epochs} epochs (pausing first, as TF's step button does). */
    public void step(int epochs) {
        request("step", () -> {
            requireRun();
            if (epochs < 1 || epochs > MAX_STEP_EPOCHS) throw new IllegalArgumentException("step takes 1 to " + MAX_STEP_EPOCHS + " epochs");
            if (state == SessionState.PLAYING) setState(SessionState.PAUSED, null);
            for (int i = 0; i < epochs && state != SessionState.DIVERGED; i++) trainOne();
        });
    }

    /** New weights, same data, epoch 0 (TF's reset button). */
    public void reset() {
        request("reset", () -> {
            requireRun();
            run.resetWeights();
            restart();
        });
    }

    /** New data from a fresh seed, same weights (TF's regenerate button). */
    public void regenerate() {
        request("regenerate", () -> {
            requireRun();
            Network weights = run.network().copy();
            TrainingRun next = run.withData(run.settings().withSeed(run.nextSeed()));
            next.network().copyFrom(weights);
            next.trainer().refreshStats();
            rebuild(next, List.of());
        });
    }

    /** Changes one setting by its link key, live or with TF Playground's reset behaviour. */
    public void set(String key, String value) {
        request("set", () -> {
            requireRun();
            LinkResult changed = run.settings().change(key, value);
            PlaygroundSettings next = changed.settings();
            switch (SettingEffect.of(key)) {
                case DISPLAY -> run = run.withSettingsOnly(next);
                case LIVE -> {
                    run = run.withSettingsOnly(next);
                    TrainingExtras.configure(run.trainer(), next);
                    run.trainer().reconfigure(run.trainer().config()
                            .withLearningRate(next.learningRate())
                            .withRegularization(next.regularization(), next.regularizationRate()));
                }
                case NEW_DATA -> rebuild(run.withData(next.withSeed(run.nextSeed())), changed.warnings());
                case NEW_SEED -> rebuild(run.withData(next), changed.warnings());
                case NEW_NETWORK -> rebuild(run.withModel(next), changed.warnings());
            }
            changed.warnings().forEach(w -> listener.error(w, "set"));
            listener.link(run.settings().toHash());
        });
    }

    /** Sets one weight: layer 1..L, {@code to} in that layer, {@code from} in the layer before. */
    public void setWeight(int layer, int to, int from, double value) {
        request("setWeight", () -> {
            requireRun();
            checkNode(layer, to);
            if (from < 0 || from >= run.spec().width(layer - 1)) throw new IllegalArgumentException("no node " + from + " in layer " + (layer - 1));
            run.network().setWeight(layer, to, from, value);
            edited();
        });
    }

    /** Sets one bias (the output node's too). */
    public void setBias(int layer, int node, double value) {
        request("setBias", () -> {
            requireRun();
            checkNode(layer, node);
            run.network().setBias(layer, node, value);
            edited();
        });
    }

    /** Which node the big heatmap shows: its id from the description, or null for the output. */
    public void selectNode(String nodeId) {
        request("selectNode", () -> {
            requireRun();
            int index = nodeId == null ? -1 : nodes.indexOf(nodeId);
            if (nodeId != null && index < 0) throw new IllegalArgumentException("no node '" + nodeId + "'");
            selectedNode = index;
            dirty = true;
        });
    }

    /** Epochs trained between two frames while playing; 0 = as many as the time slice allows. */
    public void speed(int epochs) {
        request("speed", () -> {
            if (epochs < 0 || epochs > MAX_EPOCHS_PER_FRAME) throw new IllegalArgumentException("epochs per frame must be 0 to " + MAX_EPOCHS_PER_FRAME);
            epochsPerFrame = epochs;
        });
    }

    /** Shows (true) or hides the course views: {@code insights} messages and gradient statistics. */
    public void insights(boolean on) {
        request("insights", () -> insights.enable(on, run));
    }

    /** Adds a drawn point (draw mode): the data becomes "drawn", the weights are kept, and it trains at once. */
    public void drawPoint(double x, double y, double label) {
        request("drawPoint", () -> {
            requireRun();
            drawn.add(x, y, label, run.settings().problem());
            trainOnDrawing();
        });
    }

    /** Removes the drawn point nearest (x, y). */
    public void removePoint(double x, double y) {
        request("removePoint", () -> {
            requireRun();
            if (drawn.remove(x, y)) trainOnDrawing();
        });
    }

    /** Runs {@code work} in this session's turns (one at a time: a new one replaces the old). */
    public void runInBackground(BackgroundWork work) {
        request("sweep", () -> {
            work.begin(run);
            background = work;
            scheduler.playing(this, true);
        });
    }

    /** Stops the background work, if any. */
    public void cancelBackground() {
        request("cancelSweep", () -> {
            background = null;
            scheduler.playing(this, isPlaying());
        });
    }

    /** Stops the session for good (its socket closed). */
    public void close() {
        closed = true;
        requests.clear();
        scheduler.remove(this);
    }

    /** Called when the client can take a frame again. */
    public void frameSent() {
        if (dirty) scheduler.wake(this);
    }

    public SessionState state() { return state; }

    boolean isPlaying() { return state == SessionState.PLAYING && !closed; }

    /** Playing or working in the background: the session competes for turns. */
    boolean isBusy() { return (isPlaying() || background != null) && !closed; }

    /** One scheduler turn: run queued requests, train within the slice, send a frame when due. */
    /** Runs one turn and returns how long it took (ns). */
    long tick(long sliceNanos, long frameIntervalNanos) {
        long start = System.nanoTime();
        if (closed) return 0;
        Runnable r;
        while ((r = requests.poll()) != null) r.run();
        // a client that has not taken the last frame gets no new epochs until it does: a browser
        // that stopped reading costs neither CPU nor memory (slow readers just train slower)
        boolean waitingForClient = dirty && !listener.canSendFrame() && start - lastFrameNanos > frameIntervalNanos;
        if (isPlaying() && !history.isFull() && !waitingForClient) {
            int target = epochsPerFrame == 0 ? Integer.MAX_VALUE : epochsPerFrame;
            for (int i = 0; i < target && state == SessionState.PLAYING && !history.isFull(); i++) {
                trainOne();
                if (System.nanoTime() - start > sliceNanos) break;
            }
        }
        long now = System.nanoTime();
        // the ticker paces turns at the frame rate; the 3/4 absorbs its jitter so no turn is skipped
        boolean due = !isPlaying() || now - lastFrameNanos >= frameIntervalNanos * 3 / 4;
        if (dirty && due && run != null && listener.canSendFrame()) sendFrame(now);
        insights.maybeSend(run, isPlaying(), now, listener);
        if (background != null && !background.runSlice(start + sliceNanos, listener)) {
            background = null;
            scheduler.playing(this, isPlaying());
        }
        return System.nanoTime() - start;
    }

    /** Adds a quantum to this session's turn budget (at most one banked); true if it may run now. */
    boolean earn(double quantum) {
        budget = Math.min(quantum, budget + quantum);
        return budget > 0;
    }

    /** Takes a turn's cost off the budget; a turn stretched by a JVM pause costs at most 4 quanta. */
    void spend(long nanos, double quantum) { budget = Math.max(-4 * quantum, budget - nanos); }

    boolean hasRequests() { return !requests.isEmpty(); }

    private void trainOne() {
        EpochStats stats = run.trainer().trainEpoch();
        history.add(stats);
        dirty = true;
        if (stats.diverged()) setState(SessionState.DIVERGED, stats.divergence());
        else if (run.trainer().stoppedEarly()) stoppedEarly();
    }

    private void stoppedEarly() {
        var stop = run.trainer().earlyStopping();
        setState(SessionState.PAUSED, "Stopped early: the test loss has not improved for " + stop.patience()
                + " epochs, so the weights of epoch " + stop.bestEpoch() + " (the best) are back.");
    }

    /** The drawn points become the data; the network keeps its weights when its shape is unchanged. */
    private void trainOnDrawing() {
        Network weights = run.network().copy();
        TrainingRun next = TrainingRun.fromSplit(run.settings(), drawn.split());
        if (next.spec().equals(run.spec())) next.network().copyFrom(weights);
        next.trainer().refreshStats();
        rebuild(next, List.of());
        if (next.trainer().untrainableReason() == null) setState(SessionState.PLAYING, null);
    }

    private void sendFrame(long now) {
        EpochStats stats = run.trainer().lastStats();
        int selected = selectedNode < 0 ? frames.nodeCount() - 1 : selectedNode;
        listener.frame(frames.build(run.network(), stats, history, selected));
        insights.changed();
        history.clear();
        dirty = false;
        lastFrameNanos = now;
    }

    private void request(String name, Runnable action) {
        if (closed) return;
        requests.add(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                listener.error(e.getMessage() == null ? e.toString() : e.getMessage(), name);
            }
        });
        scheduler.wake(this);
    }

    private void rebuild(TrainingRun next, List<String> warnings) {
        run = next;
        frames = new FrameBuilder(next, evalSize);
        selectedNode = -1;
        SessionDescription description = SessionDescription.of(next, warnings);
        nodes = description.nodes();
        listener.description(description);
        restart();
    }

    /** Epoch 0 of the current run: history restarts, a fresh frame, paused. */
    private void restart() {
        history.clear();
        history.add(run.trainer().lastStats());
        insights.attach(run);
        dirty = true;
        setState(SessionState.PAUSED, null);
    }

    private void edited() {
        EpochStats stats = run.trainer().refreshStats();
        if (state == SessionState.DIVERGED && !stats.diverged()) setState(SessionState.PAUSED, null);
        dirty = true;
    }

    private void setState(SessionState next, String message) {
        boolean changed = next != state || message != null;
        state = next;
        if (changed || next == SessionState.PAUSED) listener.status(next, message);
        scheduler.playing(this, next == SessionState.PLAYING || background != null);
    }

    private void requireRun() {
        if (run == null) throw new IllegalStateException("load a playground link first");
    }

    private void checkNode(int layer, int node) {
        if (layer < 1 || layer > run.spec().numLayers()) throw new IllegalArgumentException("layer must be 1 to " + run.spec().numLayers());
        if (node < 0 || node >= run.spec().width(layer)) throw new IllegalArgumentException("no node " + node + " in layer " + layer);
    }
}
