package org.nnplayground.playground.session;

import java.nio.ByteBuffer;
import java.util.List;
import org.nnplayground.playground.nn.EpochStats;

/**
 * The next frame of a session's run: the epochs trained since the last one, whether one is owed,
 * which node the big heatmap shows, and the grids' builder. While playing, a frame carries
 * exactly the epochs per frame (speed 1: one epoch a frame). Touched on the session's turn,
 * except {@link #owed()} which socket threads read to decide on a wake-up.
 */
final class FrameOutbox {
    private final int evalSize;
    private final LossHistory history = new LossHistory();
    private FrameBuilder builder;
    /** Node ids of the current run, in frame order (from its description). */
    private List<String> nodes = List.of();
    private int selectedNode = -1;
    private int epochsThisFrame;
    private volatile boolean owed;
    /** The class view's picture of the run, when it was last drawn, and whether the next frame must redraw it (a new run or chart). */
    private Boundary boundary = Boundary.NONE;
    private long boundaryNanos;
    private boolean boundaryDue = true;
    /** A dashboard of the class shows the class view: only then is the boundary drawn (nobody else reads it). */
    private boolean boundaryWanted;
    /** Paced frames since the last one with thumbnails; a big network sends them with every few (FrameBuilder). */
    private int framesWithoutThumbs;
    /**
     * A playing run's boundary is drawn at most this often (a paused run's with every frame: they are
     * rare): with the dashboards' 4 updates a second, the class view changes at least once a second.
     */
    static final long BOUNDARY_PERIOD_NANOS = 750_000_000L;

    FrameOutbox(int evalSize) { this.evalSize = evalSize; }

    /** A new run: its grids, its nodes, the output selected. */
    void newRun(TrainingRun run, SessionDescription description) {
        builder = new FrameBuilder(run, evalSize);
        nodes = description.nodes();
        selectedNode = -1;
        boundaryDue = true;
        framesWithoutThumbs = FrameBuilder.THUMB_EVERY;
    }

    /** The same network on another plane (a slice setting changed). */
    void newPlane(TrainingRun run) {
        builder = new FrameBuilder(run, evalSize);
        boundaryDue = true;
        framesWithoutThumbs = FrameBuilder.THUMB_EVERY; // the next frame shows the new plane's
        owed = true;
    }

    /** The chart starts again at {@code first} (epoch 0, or a restored run's whole chart). */
    void restart(List<EpochStats> first) {
        history.clear();
        first.forEach(history::add);
        epochsThisFrame = 0;
        boundaryDue = true;
        owed = true;
    }

    void select(String nodeId) {
        int index = nodeId == null ? -1 : nodes.indexOf(nodeId);
        if (nodeId != null && index < 0) throw new IllegalArgumentException("no node '" + nodeId + "'");
        selectedNode = index;
        owed = true;
    }

    void epoch(EpochStats stats) {
        history.add(stats);
        epochsThisFrame++;
        owed = true;
    }

    /**
     * Whether the class view is shown: from now on the boundary is drawn (the next frame, owed at
     * once so a paused run has it too) or no longer.
     */
    void boundaries(boolean on) {
        if (on == boundaryWanted) return;
        boundaryWanted = on;
        boundaryDue = true;
        if (on) owed = true;
        else boundary = Boundary.NONE;
    }

    /** Something changed that the page should see. */
    void owe() { owed = true; }

    boolean owed() { return owed; }

    /** True if the history of unsent epochs is full (no more training until a frame goes). */
    boolean full() { return history.isFull(); }

    /** True if a playing run has not yet trained this frame's epochs ({@code perFrame} 0: as many as the slice allows). */
    boolean wantsEpochs(int perFrame) { return perFrame == 0 || epochsThisFrame < perFrame; }

    /** True if the owed frame is complete: while playing, it carries {@code perFrame} epochs. */
    boolean complete(boolean playing, int perFrame) {
        return !playing || perFrame == 0 || epochsThisFrame >= perFrame || history.isFull();
    }

    /** Codes the frame; the epochs in it are sent. {@code paced}: frames follow each other (playing or stepping). */
    ByteBuffer take(TrainingRun run, EpochStats stats, boolean paced) {
        int selected = selectedNode < 0 ? builder.nodeCount() - 1 : selectedNode;
        // an unpaced frame (a pause, an edit, a new run) always has them: it may be the last for a while
        boolean thumbs = !paced || !builder.thumbsSometimes() || framesWithoutThumbs >= FrameBuilder.THUMB_EVERY - 1;
        framesWithoutThumbs = thumbs ? 0 : framesWithoutThumbs + 1;
        ByteBuffer frame = builder.build(run.network(), stats, history, selected, thumbs);
        long now = System.nanoTime();
        if (boundaryWanted && (!paced || boundaryDue || now - boundaryNanos >= BOUNDARY_PERIOD_NANOS)) {
            boundary = builder.boundary(run.network());
            boundaryNanos = now;
            boundaryDue = false;
        }
        history.clear();
        owed = false;
        epochsThisFrame = 0;
        return frame;
    }

    byte[] outputThumbs() { return builder.outputThumbs(); }

    /** The class view's boundary as of the last frame (the same object until it is drawn again). */
    Boundary boundary() { return boundary; }

    int outputThumbCount() { return builder.outputThumbCount(); }
}
