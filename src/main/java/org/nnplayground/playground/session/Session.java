package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Network;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnplayground.playground.link.SettingEffect;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One browser tab's training session. Requests from any thread are queued (bounded, see
 * {@link RequestQueue}); everything else (training, frames, state) happens on the scheduler, one
 * turn at a time, so the run needs no locks. All work is sliced: a turn runs requests, then epochs,
 * starting a new piece only while its time slice lasts, and leaves the rest (a step's epochs, a
 * build) to the next turn (CSV files are parsed off the trainer threads); so a new load, a pause or a close takes effect within one
 * piece (at most one epoch, one build or one frame; docs/architecture.md).
 */
public final class Session {
    /** Most epochs one step request may ask for. */
    public static final int MAX_STEP_EPOCHS = 1000;
    /** Most epochs per frame a student may choose (0 = as fast as possible). */
    public static final int MAX_EPOCHS_PER_FRAME = 1000;

    private final SessionListener listener;
    /** The owner and the read-only viewers: descriptions, states and frames go to both. */
    private final Audience audience;
    private final SessionScheduler scheduler;
    private final int evalSize;
    private static final Logger LOG = Logger.getLogger(Session.class.getName());

    private final RequestQueue requests = new RequestQueue();
    /** Wake-ups since the running or queued turn began; 0 = idle (see SessionScheduler). */
    final AtomicInteger wakes = new AtomicInteger();
    private final SecureRandom seeds = new SecureRandom();
    private final LossHistory history = new LossHistory();
    /** The whole run's chart (bounded), for saving it. */
    private final RunHistory runHistory = new RunHistory();

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
    /** Epochs a step still has to train (read by socket threads to decide on a wake-up). */
    private volatile int pendingEpochs;
    /** Epochs trained since the last frame was sent: a frame while playing carries exactly epochsPerFrame. */
    private int epochsThisFrame;
    /** A frame is owed (read by socket threads to decide on a wake-up). */
    private volatile boolean dirty;
    private long lastFrameTick = -1; // the scheduler's tick of the last frame: one paced frame a tick
    private long framesSent;
    /**
     * Epochs of this run that used more than {@link #HEAVY_TURN_NANOS} of CPU; from the second on
     * (the first may be a cold JIT), all its turns go through the heavy lane. A new run starts light.
     * (Builds are sent there by their request; a frame's work is capped at about 10 ms.)
     */
    private volatile int heavyEpochs;
    private boolean lastTurnWorked;
    /** CPU time of the last turn (ns): what the round robin charges (wall time would also charge other processes and GC pauses). */
    private long lastTurnCpuNanos;
    // Class mode (issue 10): the dashboard's summary and the last description (for viewers and reloads).
    private volatile SessionSummary summary = SessionSummary.EMPTY;
    private volatile long lastActivityMillis = System.currentTimeMillis();
    private SessionDescription description;
    /** Runs built so far (loads and rebuilding settings): tells a summary's run from the one before. */
    private long builds;
    /** Issue 12: the course views' feed, a background sweep, the student's drawn points. */
    private final InsightsFeed insights = new InsightsFeed();
    private BackgroundWork background;
    private final DrawnData drawn = new DrawnData();
    private volatile CheckpointSchedule checkpoints;
    /** An epoch that used more CPU than this is heavy (two of the longest slices). */
    static final long HEAVY_TURN_NANOS = 2 * SessionScheduler.MAX_SLICE_NANOS;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    Session(SessionListener listener, SessionScheduler scheduler, int evalSize) {
        this.listener = listener;
        this.audience = new Audience(listener);
        this.scheduler = scheduler;
        this.evalSize = evalSize;
    }

    /** Loads a playground link (TF Playground's or ours): new data, network and weights; paused. */
    public void load(String link) {
        // heavy: building the biggest networks takes 20-40 ms, so it does not hold a players' thread
        request("load", RequestQueue.Kind.BUILD, null, true, () -> {
            stopStepping();
            LinkResult parsed = PlaygroundLink.parse(link, seeds);
            List<String> warnings = new ArrayList<>(parsed.warnings());
            rebuild(TrainingRun.createForgiving(parsed.settings(), null, warnings::add), warnings);
        });
    }

    /** Uses a CSV file's data (parsed off the trainer threads: web/CsvUploads) with the current settings (or TF's defaults). */
    public void loadData(DataSet data) {
        request("loadCsv", RequestQueue.Kind.BUILD, null, true, () -> {
            stopStepping();
            List<String> warnings = new ArrayList<>();
            rebuild(TrainingRun.createForgiving(run != null ? run.settings() : PlaygroundLink.defaults(seeds), data, warnings::add), warnings);
        });
    }

    public void play() {
        request("play", () -> {
            requireRun();
            stopStepping();
            String reason = run.trainer().untrainableReason();
            if (reason != null) throw new IllegalStateException("cannot train: " + reason);
            if (state == SessionState.DIVERGED) throw new IllegalStateException("training diverged: reset the network first");
            setState(SessionState.PLAYING, null);
        });
    }

    public void pause() {
        request("pause", () -> {
            stopStepping();
            if (state == SessionState.PLAYING) setState(SessionState.PAUSED, null);
        });
    }

    /**
     * Trains {@code epochs} more epochs (pausing first, as TF's step button does), a slice at a
     * time; steps add up to at most {@link #MAX_STEP_EPOCHS} waiting epochs. A load, pause, play
     * or reset cancels what is left.
     */
    public void step(int epochs) {
        request("step", () -> {
            requireRun();
            if (epochs < 1 || epochs > MAX_STEP_EPOCHS) throw new IllegalArgumentException("step takes 1 to " + MAX_STEP_EPOCHS + " epochs");
            if (state == SessionState.PLAYING) setState(SessionState.PAUSED, null);
            if (state == SessionState.DIVERGED) throw new IllegalStateException("training diverged: reset the network first");
            if (pendingEpochs + epochs > MAX_STEP_EPOCHS) {
                throw new IllegalArgumentException("at most " + MAX_STEP_EPOCHS + " epochs may wait; " + pendingEpochs + " are still to train");
            }
            pendingEpochs += epochs;
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
        request("regenerate", RequestQueue.Kind.OTHER, null, true, () -> {
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
        request("set", RequestQueue.Kind.SET, key, false, () -> {
            requireRun();
            LinkResult changed = CoherentChange.apply(run.settings().change(key, value), key, run.split().source());
            PlaygroundSettings next = changed.settings();
            switch (SettingEffect.of(key)) {
                case DISPLAY -> run = run.withSettingsOnly(next);
                case LIVE -> {
                    run = run.withSettingsOnly(next);
                    TrainingExtras.configure(run.trainer(), next);
                    run.trainer().reconfigure(run.trainer().config()
                            .withLearningRate(next.learningRate())
                            .withRegularization(next.regularization(), next.regularizationRate()));
                    epochsPerFrame = next.speed();
                    // the divergence note names the rate to lower: say the one now in use
                    if (state == SessionState.DIVERGED) setState(SessionState.DIVERGED, run.trainer().refreshStats().divergence());
                }
                case SLICE -> {
                    run = run.withSlice(next);
                    frames = new FrameBuilder(run, evalSize);
                    description = SessionDescription.of(run, run.warnings());
                    audience.description(description);
                    dirty = true;
                }
                case NEW_DATA -> rebuild(ownDataGivesWay(key) ? TrainingRun.create(TrainingRun.generatedData(next.withSeed(run.nextSeed())), null)
                        : run.withData(next.withSeed(run.nextSeed())), changed.warnings());
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
        request("speed", RequestQueue.Kind.KEEP, null, false, () -> {
            if (epochs < 0 || epochs > MAX_EPOCHS_PER_FRAME) throw new IllegalArgumentException("epochs per frame must be 0 to " + MAX_EPOCHS_PER_FRAME);
            epochsPerFrame = epochs;
        });
    }

    /** Copies the run on the session's own turn and hands the copy to {@code saver} (saved runs). */
    public void snapshot(Consumer<RunSnapshot> saver) {
        request("save", () -> {
            requireRun();
            saver.accept(RunSnapshot.capture(run, runHistory));
        });
    }

    /** Replaces the run by a saved one: paused at its epoch, its whole chart in the next frame. */
    public void restore(RunSnapshot saved) {
        request("loadRun", RequestQueue.Kind.BUILD, null, false, () -> {
            stopStepping();
            rebuild(saved.restore(), List.of());
            RunHistory.Record chart = saved.history();
            runHistory.restore(chart);
            history.clear();
            boolean classification = run.split().source().numClasses() > 0;
            for (int i = 0; i < chart.size(); i++) history.add(chart.stats(i, classification));
        });
    }

    /** Issue 13: from now on the run checkpoints itself on {@code schedule} (see CheckpointSchedule). */
    public void checkpointTo(CheckpointSchedule schedule) { checkpoints = schedule; }

    public CheckpointSchedule checkpointSchedule() { return checkpoints; }

    /** A checkpoint on the session's next turn (a server draining), then {@code done} on that turn; false if it cannot be queued. */
    public boolean checkpointNow(Runnable done) {
        if (closed) return false;
        request("checkpoint", () -> {
            CheckpointSchedule cp = checkpoints;
            if (cp != null && run != null) cp.capture(run, runHistory, System.nanoTime());
            done.run();
        });
        return true;
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

    /**
     * Runs {@code work} in this session's turns, after its own training and only while the turn's
     * slice lasts; the ticker wakes the session as if it were playing. A new one replaces the old.
     */
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
            scheduler.playing(this, state == SessionState.PLAYING);
        });
    }

    /** Stops the session for good (its socket closed): a running turn stops at its next piece of work. */
    public void close() {
        closed = true;
        requests.clear();
        pendingEpochs = 0;
        scheduler.remove(this);
    }

    /** Called when the client can take a frame again (it acknowledged one). */
    public void frameSent() {
        // playing sessions are paced by the ticker; a step or an owed frame needs a wake-up
        if (!closed && state != SessionState.PLAYING && (pendingEpochs > 0 || dirty)) scheduler.wake(this);
    }

    /** True while a step's epochs are waiting. */
    public boolean isStepping() { return pendingEpochs > 0; }

    /** Requests waiting for this session's turn. */
    public int queuedRequests() { return requests.size(); }

    public SessionState state() { return state; }

    /** The latest compact summary (for a class dashboard; never blocks the session). */
    public SessionSummary summary() { return summary; }

    /**
     * Adds a read-only observer (a teacher opening this run): it gets the description, status and
     * frames like the owner, but only when it can take them (its own in-flight bound: latest wins),
     * so a slow viewer never slows the session.
     */
    public void addViewer(SessionListener viewer) {
        audience.add(viewer);
        request("watch", () -> {
            if (run == null) return;
            viewer.description(description);
            viewer.status(state, null);
            dirty = true;
        });
    }

    public void removeViewer(SessionListener viewer) { audience.remove(viewer); }

    /** Sends the description, status and a frame again (a student's new socket after a reload). */
    public void refresh() {
        request("refresh", () -> {
            if (run == null) return;
            listener.description(description);
            listener.status(state, null);
            dirty = true;
        });
    }

    boolean isPlaying() { return state == SessionState.PLAYING && !closed; }

    /**
     * One scheduler turn: queued requests, an owed frame, then epochs, each piece started only
     * while the slice lasts (the first request always runs); returns how long it took (ns).
     */
    long tick(long sliceNanos, long schedulerTick) {
        long start = System.nanoTime();
        if (closed) return 0;
        long framesBefore = framesSent;
        long cpuStart = CPU.getCurrentThreadCpuTime();
        int requestsRun = 0;
        int epochs = 0;
        RequestQueue.Request r;
        while (!closed && (r = requests.poll()) != null) {
            r.action().run();
            requestsRun++;
            if (System.nanoTime() - start >= sliceNanos) break;
        }
        sendFrameIfDue(start, sliceNanos, schedulerTick);
        boolean first = requestsRun == 0 && heavyEpochs == 0; // a light run's first epoch runs even if the frame spent the slice (SessionScheduler)
        while (!closed && mayTrain() && (first && epochs == 0 || System.nanoTime() - start < sliceNanos)) {
            trainOne();
            epochs++;
        }
        sendFrameIfDue(start, sliceNanos, schedulerTick);
        if (!closed) insights.maybeSend(run, state == SessionState.PLAYING, System.nanoTime(), listener);
        boolean background = runBackground(start, sliceNanos);
        CheckpointSchedule cp = checkpoints; // issue 13: a few comparisons, a copy when one is due
        if (cp != null && !closed) cp.afterTurn(run, runHistory, state == SessionState.PLAYING || pendingEpochs > 0, System.nanoTime());
        lastTurnWorked = requestsRun > 0 || epochs > 0 || framesSent != framesBefore || background;
        lastTurnCpuNanos = CPU.getCurrentThreadCpuTime() - cpuStart;
        return System.nanoTime() - start;
    }

    /**
     * True if another epoch may run now: a step is waiting, or playing has not yet trained this
     * frame's epochs; never while the client has not acknowledged its frames (a client that stops
     * reading costs no CPU) or the history of unsent epochs is full.
     */
    private boolean mayTrain() {
        if (run == null || state == SessionState.DIVERGED || history.isFull() || !listener.canSendFrame()) return false;
        if (pendingEpochs > 0) return true;
        return state == SessionState.PLAYING && (epochsPerFrame == 0 || epochsThisFrame < epochsPerFrame);
    }

    /** Sends the owed frame if the client can take it, the slice is not spent and it is complete and due. */
    private void sendFrameIfDue(long start, long sliceNanos, long schedulerTick) {
        long now = System.nanoTime();
        if (closed || !dirty || run == null || now - start >= sliceNanos || !listener.canSendFrame()) return;
        boolean playing = state == SessionState.PLAYING;
        // while playing, a frame carries exactly epochsPerFrame epochs (speed 1: one epoch per frame)
        boolean complete = !playing || epochsPerFrame == 0 || epochsThisFrame >= epochsPerFrame || history.isFull();
        // one frame per tick: a time rule (since the last frame) lost a session served late in one tick and early in the next a tick
        boolean paced = playing || pendingEpochs > 0;
        boolean due = !paced || schedulerTick > lastFrameTick;
        if (complete && due) sendFrame(schedulerTick);
    }

    /** True if this session has work it can do now (so its turn should come again soon). */
    boolean wantsTurn() {
        if (closed) return false;
        if (!requests.isEmpty()) return true;
        if (!listener.canSendFrame()) return false;
        if (pendingEpochs > 0 && run != null && state != SessionState.DIVERGED) return true;
        return dirty && state != SessionState.PLAYING; // a frame owed; playing ones wait for the ticker
    }

    /** True if a tick could do anything now: a client that owes acknowledgements is not even woken. */
    boolean canProgress() { return !closed && (!requests.isEmpty() || listener.canSendFrame()); }

    /** CPU time the last turn used (ns). */
    long lastTurnCpuNanos() { return lastTurnCpuNanos; }

    /** True if the last turn did any work (a request, an epoch or a frame), not just looked. */
    boolean lastTurnWorked() { return lastTurnWorked; }

    /** True if the next turn may take much longer than a slice (a build, or a network whose epoch is long). */
    boolean expectsLongTurn() { return requests.nextIsHeavy() || heavyEpochs >= 2; }

    boolean isClosed() { return closed; }

    /** Adds a quantum to this session's turn budget (at most one banked); true if it may run now. */
    boolean earn(double quantum) {
        budget = Math.min(quantum, budget + quantum);
        return budget >= 0; // only debt waits: before any turn has a cost, everyone may run
    }

    /**
     * Takes a turn's whole cost off the budget, whatever the work (requests, a build, epochs, a
     * frame); the debt is capped at {@link #MAX_DEBT_NANOS} so a JVM pause cannot lock a session out for long.
     */
    void spend(long nanos) { budget = Math.max(-MAX_DEBT_NANOS, budget - nanos); }

    /** Most CPU time a session may owe the others (ns). */
    static final long MAX_DEBT_NANOS = 1_000_000_000L;

    /** Runs a slice of background work if there is time left; true if it did (its cost is then charged). */
    private boolean runBackground(long start, long sliceNanos) {
        if (closed || background == null || System.nanoTime() - start >= sliceNanos) return false;
        if (!background.runSlice(start + sliceNanos, listener)) {
            background = null;
            scheduler.playing(this, state == SessionState.PLAYING);
        }
        return true;
    }

    private void trainOne() {
        // CPU time, not wall time: an epoch stretched by other processes or a GC pause is not heavy
        boolean measure = heavyEpochs < 2;
        long cpu = measure ? CPU.getCurrentThreadCpuTime() : 0;
        EpochStats stats = run.trainer().trainEpoch();
        if (measure && CPU.getCurrentThreadCpuTime() - cpu > HEAVY_TURN_NANOS) heavyEpochs++;
        if (pendingEpochs > 0) pendingEpochs--;
        epochsThisFrame++;
        history.add(stats);
        runHistory.add(stats);
        dirty = true;
        if (stats.diverged()) setState(SessionState.DIVERGED, stats.divergence());
        else if (run.trainer().stoppedEarly()) stoppedEarly();
    }

    private void stoppedEarly() {
        stopStepping();
        var stop = run.trainer().earlyStopping();
        setState(SessionState.PAUSED, "Stopped early: the test loss has not improved for " + stop.patience()
                + " epochs, so the weights of epoch " + stop.bestEpoch() + " (the best) are back.");
    }

    /**
     * Picking a data set (or the problem) replaces the student's own data (a CSV, a drawing): the
     * picked data runs, and the next drawing starts empty.
     */
    private boolean ownDataGivesWay(String key) {
        boolean picked = key.equals(LinkKey.DATASET.key()) || key.equals(LinkKey.REG_DATASET.key())
                || key.equals(LinkKey.PROBLEM.key()) || key.equals(LinkKey.DATA.key());
        if (!picked || run.uploaded() == null) return false;
        drawn.clear();
        return true;
    }

    /** The drawn points become the data; the network keeps its weights when its shape is unchanged. */
    private void trainOnDrawing() {
        stopStepping();
        Network weights = run.network().copy();
        TrainingRun next = TrainingRun.create(run.settings(), drawn.dataSet());
        if (next.spec().equals(run.spec())) next.network().copyFrom(weights);
        next.trainer().refreshStats();
        rebuild(next, List.of());
        if (next.trainer().untrainableReason() == null) setState(SessionState.PLAYING, null);
    }

    private void sendFrame(long schedulerTick) {
        EpochStats stats = run.trainer().lastStats();
        int selected = selectedNode < 0 ? frames.nodeCount() - 1 : selectedNode;
        java.nio.ByteBuffer frame = frames.build(run.network(), stats, history, selected);
        publishSummary(stats);
        audience.frame(frame);
        insights.changed();
        history.clear();
        dirty = false;
        epochsThisFrame = 0;
        lastFrameTick = schedulerTick;
        framesSent++;
    }

    private void publishSummary(EpochStats stats) {
        SessionSummary last = summary;
        summary = new SessionSummary(last.version() + 1, builds, stats.epoch(), stats.train().loss(),
                stats.test() == null ? Double.NaN : stats.test().loss(), FrameBuilder.quality(stats.train()),
                stats.test() == null ? Double.NaN : FrameBuilder.quality(stats.test()), state,
                description == null ? "classification" : description.problem(), run.spec().parameterCount(),
                run.settings(), lastActivityMillis, frames.outputThumbs(), frames.outputThumbCount());
    }

    private void request(String name, Runnable action) {
        request(name, RequestQueue.Kind.OTHER, null, false, action);
    }

    /** Queues a request (refused with an error if the queue is full) and wakes the session. */
    private void request(String name, RequestQueue.Kind kind, String key, boolean heavy, Runnable action) {
        if (closed) return;
        if (!name.equals("watch") && !name.equals("refresh") && !name.equals("checkpoint")) lastActivityMillis = System.currentTimeMillis();
        String refused = requests.offer(new RequestQueue.Request(name, kind, key, heavy, guarded(name, action)));
        if (refused != null) {
            listener.error(refused, name);
            return;
        }
        scheduler.wake(this);
    }

    /** A request's action whose failure becomes an error message for the student, never a broken session. */
    private Runnable guarded(String name, Runnable action) {
        return () -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (e.getMessage() == null) LOG.log(Level.WARNING, "request " + name + " failed", e);
                listener.error(e.getMessage() != null ? e.getMessage() : "the server could not do '" + name + "'", name);
            }
        };
    }

    /** Drops the epochs a step still had to train (a newer request supersedes it). */
    private void stopStepping() { pendingEpochs = 0; }

    private void rebuild(TrainingRun next, List<String> warnings) {
        stopStepping();
        run = next;
        heavyEpochs = 0;
        epochsPerFrame = next.settings().speed();
        if (!next.warnings().isEmpty()) {
            warnings = new ArrayList<>(warnings);
            warnings.addAll(next.warnings());
        }
        frames = new FrameBuilder(next, evalSize);
        selectedNode = -1;
        SessionDescription description = SessionDescription.of(next, warnings);
        this.description = description;
        builds++;
        nodes = description.nodes();
        audience.description(description);
        restart();
    }

    /** Epoch 0 of the current run: history restarts, a fresh frame, paused. */
    private void restart() {
        stopStepping();
        history.clear();
        history.add(run.trainer().lastStats());
        epochsThisFrame = 0;
        runHistory.clear();
        runHistory.add(run.trainer().lastStats());
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
        if (changed || next == SessionState.PAUSED) {
            audience.status(next, message);
        }
        if (run != null && changed) publishSummary(run.trainer().lastStats());
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
