package org.nnplayground.playground.session;

/**
 * A run's output over its plane on a {@code size} x {@code size} grid for the teacher's class view
 * (each byte one real point of the model, row by row from the top left; docs/protocol.md): on
 * TF's display scale 0..255 for one output node, or the most likely class's index when
 * {@code classes}. Sessions refresh it about once a second while playing.
 */
public record Boundary(int size, boolean classes, byte[] grid) {
    /** No plane to draw (image data) or nothing built yet. */
    public static final Boundary NONE = new Boundary(0, false, new byte[0]);
}
