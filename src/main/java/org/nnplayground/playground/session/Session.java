package org.nnplayground.playground.session;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.LinkLimits;
import org.nnplayground.playground.link.LinkResult;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.nn.Network;

/**
 * One browser tab's training session: its requests and its run. Requests from any thread are
 * queued (bounded, see {@link RequestQueue}) and run on the scheduler, one turn at a time, followed
 * by the run's own work ({@link LiveRun}), so the run needs no locks. Every piece of work starts
 * only while the turn's slice lasts, and the rest (a step's epochs, a build) waits for the next
 * turn, so a new load, a pause or a close takes effect within one piece (docs/architecture.md).
 */
public final class Session {
    /** Most epochs one step request may ask for. */
    public static final int MAX_STEP_EPOCHS = 1000;
    /** Most epochs per frame a student may choose (0 = as fast as possible). */
    public static final int MAX_EPOCHS_PER_FRAME = LinkLimits.MAX_SPEED;

    private final SessionListener listener;
    /** The owner and the read-only viewers: descriptions, states and frames go to both. */
    private final Audience audience;
    private final SessionScheduler scheduler;
    private final RequestQueue requests = new RequestQueue();
    private final SecureRandom seeds = new SecureRandom();
    private final LiveRun live;
    private final RunEdits edits;
    private final PendingDrawing drawing = new PendingDrawing();

    Session(SessionListener listener, SessionScheduler scheduler, int evalSize) {
        this.listener = listener;
        this.audience = new Audience(listener);
        this.scheduler = scheduler;
        this.live = new LiveRun(listener, audience, evalSize);
        this.edits = new RunEdits(live, listener, audience);
        scheduler.admit(this);
    }

    /** Loads a playground link (TF Playground's or ours): new data, network and weights; paused. */
    public void load(String link) {
        // heavy: building the biggest networks takes 20-40 ms, so it does not hold a players' thread
        request("load", RequestQueue.Kind.BUILD, null, true, () -> {
            live.stopStepping();
            LinkResult parsed = PlaygroundLink.parse(link, seeds);
            List<String> warnings = new ArrayList<>(parsed.warnings());
            live.rebuild(TrainingRun.build(RunPlanner.forgiving(parsed.settings(), null, warnings::add)), warnings);
        });
    }

    /** Uses a CSV file's data (parsed off the trainer threads: web/CsvUploads) with the current settings (or TF's defaults). */
    public void loadData(DataSet data) {
        request("loadCsv", RequestQueue.Kind.BUILD, null, true, () -> {
            live.stopStepping();
            List<String> warnings = new ArrayList<>();
            TrainingRun run = live.run();
            live.rebuild(TrainingRun.build(RunPlanner.forgiving(run != null ? run.settings() : PlaygroundLink.defaults(seeds), data, warnings::add)), warnings);
        });
    }

    public void play() { request("play", live::play); }

    public void pause() { request("pause", live::pause); }

    /**
     * Trains {@code epochs} more epochs (pausing first, as TF's step button does), a slice at a
     * time; steps add up to at most {@link #MAX_STEP_EPOCHS} waiting epochs. A load, pause, play
     * or reset cancels what is left.
     */
    public void step(int epochs) {
        request("step", () -> live.step(epochs, MAX_STEP_EPOCHS));
    }

    /** New weights, same data, epoch 0 (TF's reset button). */
    public void reset() {
        request("reset", () -> {
            live.newWeights();
        });
    }

    /** New data from a fresh seed, same weights (TF's regenerate button). */
    public void regenerate() {
        request("regenerate", RequestQueue.Kind.OTHER, null, true, () -> {
            TrainingRun run = live.requireRun();
            Network weights = run.network().copy();
            TrainingRun next = TrainingRun.build(RunPlanner.plan(run.settings().withSeed(run.nextSeed()), run.uploaded()));
            next.network().copyFrom(weights);
            next.trainer().measureLater();
            live.rebuild(next, List.of());
        });
    }

    /** Changes one setting by its link key, live or with TF Playground's reset behaviour. */
    public void set(String key, String value) {
        request("set", RequestQueue.Kind.SET, key, false, () -> edits.set(key, value));
    }

    /** Sets one weight: layer 1..L, {@code to} in that layer, {@code from} in the layer before. */
    public void setWeight(int layer, int to, int from, double value) {
        request("setWeight", () -> edits.setWeight(layer, to, from, value));
    }

    /** Sets one bias (the output node's too). */
    public void setBias(int layer, int node, double value) {
        request("setBias", () -> edits.setBias(layer, node, value));
    }

    /** Which node the big heatmap shows: its id from the description, or null for the output. */
    public void selectNode(String nodeId) {
        request("selectNode", () -> {
            live.requireRun();
            live.outbox().select(nodeId);
        });
    }

    /** Epochs trained between two frames while playing; 0 = as many as the time slice allows. */
    public void speed(int epochs) {
        request("speed", RequestQueue.Kind.KEEP, null, false, () -> {
            if (epochs < 0 || epochs > MAX_EPOCHS_PER_FRAME) throw new IllegalArgumentException("epochs per frame must be 0 to " + MAX_EPOCHS_PER_FRAME);
            live.epochsPerFrame(epochs);
        });
    }

    /** Copies the run on the session's own turn and hands the copy to {@code saver} (saved runs). */
    public void snapshot(Consumer<RunSnapshot> saver) {
        request("save", () -> {
            live.requireRun();
            live.settleFigures(); // a saved run carries its whole chart, epoch 0 included
            saver.accept(RunSnapshot.capture(live.run(), live.runHistory()));
        });
    }

    /** Hands the run to {@code reader} on the session's own turn (diagnostics: what a run holds, e.g. whose pixel arrays). */
    public void inspect(Consumer<TrainingRun> reader) {
        request("inspect", RequestQueue.Kind.OTHER, null, false, () -> reader.accept(live.requireRun()));
    }

    /** Replaces the run by a saved one: paused at its epoch, its whole chart in the next frame. */
    public void restore(RunSnapshot saved) {
        request("loadRun", RequestQueue.Kind.BUILD, null, false, () -> edits.restore(saved));
    }

    /** From now on the run checkpoints itself on {@code schedule} (see CheckpointSchedule). */
    public void checkpointTo(CheckpointSchedule schedule) { live.checkpointTo(schedule); }

    public CheckpointSchedule checkpointSchedule() { return live.checkpoints(); }

    /** A checkpoint on the session's next turn (a server draining), then {@code done} on that turn; false if it cannot be queued. */
    public boolean checkpointNow(Runnable done) {
        if (live.closed()) return false;
        request("checkpoint", () -> {
            live.checkpointNow();
            done.run();
        });
        return true;
    }

    /** Shows (true) or hides the course views: {@code insights} messages and gradient statistics. */
    public void insights(boolean on) {
        request("insights", () -> live.insights().enable(on, live.run()));
    }

    /** The page shows (true) or hides (off screen, tab hidden) an image run's weight images: they are sent only while shown. */
    public void weightImages(boolean shown) {
        // the newest answer wins (a scroll can toggle it quickly); scrolling is not the student's edit
        request("weightImages", RequestQueue.Kind.SET, "weightImages", false, () -> live.digits().weightsShown(shown));
    }

    /**
     * Whether a dashboard of the student's class shows the class view: the run's boundary is drawn
     * (about once a second while playing) only while one does. Sent on a change only; a build does
     * not drop it. Not the student's activity.
     */
    public void boundaries(boolean on) {
        request("boundaries", RequestQueue.Kind.KEEP, null, false, () -> live.outbox().boundaries(on));
    }

    /** Feeds one image through an image run's network and answers with {@code classified} (gallery clicks, the drawing pad). */
    public void classify(int id, double[] pixels) {
        request("classify", RequestQueue.Kind.SET, "classify", false, () -> {
            TrainingRun run = live.requireRun();
            if (!run.isImage()) throw new IllegalStateException("classify is for image data (dataset=mnist or fashion)");
            listener.classified(Classified.of(run, id, pixels));
        });
    }

    /**
     * Adds a drawn point (draw mode): the data becomes "drawn", the weights are kept, and it trains
     * at once. The points sent before the session's next turn are applied together; once the run is
     * a drawing, they change its data in place and training goes on (RunEdits.draw).
     */
    public void drawPoint(double x, double y, double label) { draw(new PendingDrawing.Edit(x, y, label, false)); }

    /** Removes the drawn point nearest (x, y) (in order with the drawn points). */
    public void removePoint(double x, double y) { draw(new PendingDrawing.Edit(x, y, 0, true)); }

    private void draw(PendingDrawing.Edit edit) {
        if (live.closed()) return;
        String refused = drawing.offer(edit);
        if (refused != null) {
            listener.error(refused, edit.remove() ? "removePoint" : "drawPoint");
            return;
        }
        // KEEP: a later build does not drop it, so the flag stays true only while a request is queued
        if (drawing.needsRequest() && !request("drawPoint", RequestQueue.Kind.KEEP, null, false, () -> edits.draw(drawing.takeAll()))) {
            drawing.requestLost();
        }
    }

    /**
     * Runs {@code work} in this session's turns, after its own training and only while the turn's
     * slice lasts; the ticker wakes the session as if it were playing. A new one replaces the old.
     */
    public void runInBackground(BackgroundWork work) {
        request("sweep", () -> {
            work.begin(live.run());
            live.background(work);
        });
    }

    /** Stops the background work, if any. */
    public void cancelBackground() { request("cancelSweep", () -> live.background(null)); }

    /** Stops the session for good (its socket closed): a running turn stops at its next piece of work. */
    public void close() {
        live.close();
        requests.clear();
        scheduler.remove(this);
    }

    /**
     * Its socket sends messages faster than the rate allows, which no page does (a click is one
     * message): for a while its turns are charged several times their cost, so while others wait it
     * trains at a fraction of their pace, and alone at full speed.
     */
    public void flooding() { scheduler.flooding(this); }

    /** Called when the client can take a frame again (it acknowledged one). */
    public void frameSent() {
        if (live.closed()) return;
        // playing sessions are paced by the ticker (and woken here for a tick they missed); a step or an owed frame needs a wake-up
        if (live.state() == SessionState.PLAYING) scheduler.acknowledged(this);
        else if (live.pendingEpochs() > 0 || live.outbox().owed()) scheduler.wake(this);
    }

    /** True while a step's epochs are waiting. */
    public boolean isStepping() { return live.pendingEpochs() > 0; }

    /** Requests waiting for this session's turn. */
    public int queuedRequests() { return requests.size(); }

    public SessionState state() { return live.state(); }

    /** The latest compact summary (for a class dashboard; never blocks the session). */
    public SessionSummary summary() { return live.summaries().latest(); }

    /**
     * Adds a read-only observer (a teacher opening this run): it gets the description, status and
     * frames like the owner, but only when it can take them (its own in-flight bound: latest wins),
     * so a slow viewer never slows the session.
     */
    public void addViewer(SessionListener viewer) {
        audience.add(viewer);
        request("watch", () -> live.showTo(viewer));
    }

    public void removeViewer(SessionListener viewer) { audience.remove(viewer); }

    /** Sends the description, status and a frame again (a student's new socket after a reload). */
    public void refresh() { request("refresh", () -> live.showTo(listener)); }

    /**
     * One turn: queued requests (the first always runs, the others while the slice lasts), then
     * the run's own work; true if anything was done.
     */
    boolean turn(TurnAccount account, long sliceNanos, long schedulerTick) {
        long start = System.nanoTime();
        boolean requestsRan = false;
        RequestQueue.Request r;
        while (!live.closed() && (r = requests.poll()) != null) {
            r.action().run();
            requestsRan = true;
            if (System.nanoTime() - start >= sliceNanos) break;
        }
        if (live.closed()) return requestsRan;
        return live.work(account, requestsRan, start, sliceNanos, schedulerTick) || requestsRan;
    }

    /** True if this session has work it can do now (so its turn should come again soon). */
    boolean wantsTurn() { return !live.closed() && (!requests.isEmpty() || live.wantsTurn()); }

    /** True if a tick could do anything now: a client that owes acknowledgements is not even woken. */
    boolean canProgress() { return !live.closed() && (!requests.isEmpty() || listener.canSendFrame()); }

    /** True while the ticker should wake it every frame: it plays or works in the background. */
    boolean wantsTicks() { return live.wantsTicks(); }

    /** True if the next request may take much longer than a slice (a build). */
    boolean nextRequestIsHeavy() { return requests.nextIsHeavy(); }

    /** Runs built so far: the scheduler counts heavy epochs per run. */
    long builds() { return live.builds(); }

    boolean isClosed() { return live.closed(); }

    private void request(String name, Runnable action) {
        request(name, RequestQueue.Kind.OTHER, null, false, action);
    }

    /** Queues a request and wakes the session; false if it was refused (with an error: the queue is full) or the session is closed. */
    private boolean request(String name, RequestQueue.Kind kind, String key, boolean heavy, Runnable action) {
        if (live.closed()) return false;
        if (!name.equals("watch") && !name.equals("refresh") && !name.equals("checkpoint") && !name.equals("weightImages")
                && !name.equals("inspect") && !name.equals("boundaries")) live.summaries().active();
        String refused = requests.offer(new RequestQueue.Request(name, kind, key, heavy, RequestGuard.guarded(name, action, listener)));
        if (refused != null) {
            listener.error(refused, name);
            return false;
        }
        scheduler.wake(this);
        return true;
    }
}
