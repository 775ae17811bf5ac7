package org.nnplayground.playground.session;

/**
 * A compact picture of a session for a class dashboard, published after each frame and state
 * change: figures, state, last student activity and the output's 10x10 thumbnail(s) the frame
 * already computed ({@code thumbCount} x 100 bytes, 0..255 on the display scale; one per output
 * node, so 3+ classes send one per class), and the class view's {@link Boundary} (redrawn about once a
 * second while playing). {@code version} grows with every publication,
 * {@code builds} with every new run (a load, a rebuilding setting or a reset). {@code mistakes}: an
 * image run's first few wrong test images (its class ranks by test accuracy); null for plain data.
 */
public record SessionSummary(long version, long builds, int epoch, double lossTrain, double lossTest, double metricTrain,
                             double metricTest, SessionState state, String problem, int parameterCount,
                             org.nnplayground.playground.link.PlaygroundSettings settings,
                             long lastActivityMillis, byte[] thumbs, int thumbCount, ImageMistakes mistakes, Boundary boundary) {
    /** Nothing trained yet. */
    public static final SessionSummary EMPTY = new SessionSummary(0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            SessionState.PAUSED, "classification", 0, null, 0, new byte[0], 0, null, Boundary.NONE);

    /** True for an image run: its class ranks it by test accuracy. */
    public boolean image() { return mistakes != null; }

    /** The link that reproduces the run's settings ("" before the first load); written only when asked. */
    public String link() { return settings == null ? "" : settings.toHash(); }
}
