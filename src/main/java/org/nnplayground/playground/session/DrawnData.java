package org.nnplayground.playground.session;

import java.util.ArrayList;
import java.util.List;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Problem;
import org.nnplayground.playground.data.Sample;

/**
 * The student's own points (draw mode): a data set named "drawn" on the plane, all of it training
 * data (every drawn point should shape the boundary), classification with classes -1/+1 or regression.
 */
final class DrawnData {
    /** The drawn data set's name (its points live on TF Playground's -6..6 map). */
    static final String NAME = "drawn";
    /** Most points one student may draw. */
    static final int MAX_POINTS = 500;
    /** A right-click removes the nearest point within this distance. */
    static final double REMOVE_RADIUS = 0.6;

    private final List<Sample> points = new ArrayList<>();
    private Problem problem;
    /** The run's data these points stand for (the last {@link #dataSet()}, or the drawing a run came back with). */
    private DataSet current;

    /**
     * Follows the run's data before an edit: a drawing's points, also one that came back with a
     * run (a checkpoint, a saved run), or none when the run trains on other data (a data set, a
     * CSV, a link loaded since), so a new drawing starts empty.
     */
    void follow(DataSet uploaded) {
        if (uploaded == current) return;
        points.clear();
        problem = null;
        if (uploaded != null && NAME.equals(uploaded.name())) {
            points.addAll(uploaded.samples());
            problem = uploaded.problem();
        }
        current = uploaded;
    }

    /** Adds a point; the first point fixes the problem (a switch of problem starts a new drawing). */
    void add(double x, double y, double label, Problem of) {
        check(x, "x");
        check(y, "y");
        if (!Double.isFinite(label)) throw new IllegalArgumentException("the point's value must be a number");
        if (problem != of) points.clear();
        problem = of;
        if (points.size() >= MAX_POINTS) throw new IllegalArgumentException("at most " + MAX_POINTS + " drawn points");
        double value = of == Problem.CLASSIFICATION ? (label > 0 ? 1 : -1) : Math.max(-1, Math.min(1, label));
        points.add(Sample.of(x, y, value));
    }

    /** Removes the point nearest (x, y) if one is close enough; false when none is. */
    boolean remove(double x, double y) {
        int best = -1;
        double bestDistance = REMOVE_RADIUS * REMOVE_RADIUS;
        for (int i = 0; i < points.size(); i++) {
            double dx = points.get(i).x() - x, dy = points.get(i).y() - y;
            if (dx * dx + dy * dy <= bestDistance) {
                bestDistance = dx * dx + dy * dy;
                best = i;
            }
        }
        if (best >= 0) points.remove(best);
        return best >= 0;
    }

    int size() { return points.size(); }

    /** The drawing as it stands, to go back to (see {@link #restore}). */
    Mark mark() { return new Mark(List.copyOf(points), problem, current); }

    /** Back to {@code mark} (the points could not be trained on). */
    void restore(Mark mark) {
        points.clear();
        points.addAll(mark.points());
        problem = mark.problem();
        current = mark.current();
    }

    /** A drawing's points and problem at one moment, and the run's data they stood for. */
    record Mark(List<Sample> points, Problem problem, DataSet current) {}

    /** The drawing as a data set (TrainingRun puts every drawn point in training). */
    DataSet dataSet() {
        boolean classes = problem == Problem.CLASSIFICATION;
        current = new DataSet(NAME, List.copyOf(points), problem, classes ? 2 : 0, List.of("x1", "x2"),
                classes ? List.of("-1", "1") : List.of());
        return current;
    }

    private static void check(double v, String name) {
        if (!Double.isFinite(v) || Math.abs(v) > 6) throw new IllegalArgumentException("a drawn point's " + name + " must be in -6..6");
    }
}
