package org.nnplayground.playground.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Network;

/**
 * What a student's edits do to a session's run, on its turn: a setting (live, or rebuilding as TF
 * Playground does), a weight or a bias, a saved run put back, and drawn points (draw mode).
 */
final class RunEdits {
    private final LiveRun live;
    private final SessionListener owner;
    private final Audience audience;
    private final DrawnData drawn = new DrawnData();

    RunEdits(LiveRun live, SessionListener owner, Audience audience) {
        this.live = live;
        this.owner = owner;
        this.audience = audience;
    }

    /**
     * Changes one setting by its link key: the running plan changed by it ({@link RunPlanner#change}),
     * and what changed decides whether the run goes on (display, live), shows another plane or is rebuilt.
     */
    void set(String key, String value) {
        TrainingRun run = live.requireRun();
        RunPlanner.Change change = RunPlanner.change(run.plan(), key, value, run::nextSeed);
        RunPlan next = change.plan();
        switch (change.effect()) {
            case DISPLAY -> live.settingsChanged(run.withPlan(next), false);
            case LIVE -> {
                TrainingRun now = run.withPlan(next);
                live.settingsChanged(now, false);
                TrainingExtras.configure(now.trainer(), next.settings());
                now.trainer().reconfigure(next.config());
                live.epochsPerFrame(next.settings().speed());
                // the divergence note names the rate to lower: say the one now in use
                if (live.state() == SessionState.DIVERGED) live.setState(SessionState.DIVERGED, now.trainer().refreshStats().divergence());
            }
            case SLICE -> live.settingsChanged(run.withPlan(next), true);
            case NEW_DATA, NEW_SEED, NEW_NETWORK -> {
                live.rebuild(TrainingRun.build(next), change.notes());
            }
        }
        change.notes().forEach(w -> owner.error(w, "set"));
        audience.link(live.run().settings().toHash());
    }

    /** Sets one weight: layer 1..L, {@code to} in that layer, {@code from} in the layer before. */
    void setWeight(int layer, int to, int from, double value) {
        TrainingRun run = live.requireRun();
        checkNode(run, layer, to);
        if (from < 0 || from >= run.spec().width(layer - 1)) throw new IllegalArgumentException("no node " + from + " in layer " + (layer - 1));
        run.network().setWeight(layer, to, from, value);
        live.edited();
    }

    /** Sets one bias (the output node's too). */
    void setBias(int layer, int node, double value) {
        TrainingRun run = live.requireRun();
        checkNode(run, layer, node);
        run.network().setBias(layer, node, value);
        live.edited();
    }

    /** Replaces the run by a saved one: paused at its epoch, its whole chart in the next frame. */
    void restore(RunSnapshot saved) {
        live.stopStepping();
        live.rebuild(saved.restore(), List.of());
        RunHistory.Record chart = saved.history();
        live.runHistory().restore(chart);
        boolean classification = live.run().split().source().numClasses() > 0;
        EpochStats[] stats = new EpochStats[chart.size()];
        for (int i = 0; i < stats.length; i++) stats[i] = chart.stats(i, classification);
        live.outbox().restart(List.of(stats));
    }

    /**
     * Applies drawn points and removals in the order they came. The first point turns the run's
     * data into a drawing (a new run that keeps the weights, at epoch 0); after that, the drawing's
     * run goes on with the points as they now stand (weights, optimizer and epoch continue), so a
     * batch of points costs about an epoch, however many come. A drawing trains at once. A refused
     * point (outside the map, past the limit) is reported, once per reason and batch, and the
     * others still apply.
     */
    void draw(List<PendingDrawing.Edit> edits) {
        TrainingRun run = live.requireRun();
        drawn.follow(run.uploaded());
        DrawnData.Mark before = drawn.mark();
        boolean changed = false;
        Map<Refusal, Integer> refused = new LinkedHashMap<>();
        for (PendingDrawing.Edit e : edits) {
            try {
                if (e.remove()) changed |= drawn.remove(e.x(), e.y());
                else {
                    drawn.add(e.x(), e.y(), e.label(), run.settings().problem());
                    changed = true;
                }
            } catch (IllegalArgumentException why) {
                refused.merge(new Refusal(e.remove() ? "removePoint" : "drawPoint", why.getMessage()), 1, Integer::sum);
            }
        }
        // a flood past the limit is one error a batch, not one a point
        refused.forEach((r, count) -> owner.error(r.message() + (count > 1 ? " (" + count + " points refused)" : ""), r.request()));
        if (!changed) return;
        try {
            if (run.isDrawing()) live.drawingChanged(run.withDrawing(drawn.dataSet()));
            else trainOnDrawing(run);
        } catch (IllegalArgumentException tooBig) {
            drawn.restore(before); // the run trains on the points it had
            throw tooBig;
        }
    }

    /** The drawn points become the data (a new run at epoch 0); the network keeps its weights when its shape is unchanged. */
    private void trainOnDrawing(TrainingRun run) {
        live.stopStepping();
        Network weights = run.network().copy();
        TrainingRun next = TrainingRun.create(run.settings(), drawn.dataSet());
        if (next.spec().equals(run.spec())) next.network().copyFrom(weights);
        next.trainer().refreshStats();
        live.rebuild(next, List.of());
        if (next.trainer().untrainableReason() == null) live.setState(SessionState.PLAYING, null);
    }

    private record Refusal(String request, String message) {}

    private static void checkNode(TrainingRun run, int layer, int node) {
        if (layer < 1 || layer > run.spec().numLayers()) throw new IllegalArgumentException("layer must be 1 to " + run.spec().numLayers());
        if (node < 0 || node >= run.spec().width(layer)) throw new IllegalArgumentException("no node " + node + " in layer " + layer);
    }
}
