package org.nnplayground.playground.session;

import org.nnplayground.playground.nn.GridEvaluator;
import org.nnplayground.playground.nn.NetworkSpec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Work memory for building frames, one per trainer thread rather than one per session: a class
 * of 200 sessions then shares a couple of hot buffers instead of 200 cold ones.
 */
final class FrameScratch {
    private static final int EVALUATORS_KEPT = 8;
    private static final ThreadLocal<FrameScratch> PER_THREAD = ThreadLocal.withInitial(FrameScratch::new);

    final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private byte[] grids = new byte[0];
    private byte[] compressed = new byte[0];
    /** Evaluators by network shape and point count, the least recently used dropped first. */
    private final Map<String, GridEvaluator> evaluators = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GridEvaluator> eldest) { return size() > EVALUATORS_KEPT; }
    };

    static FrameScratch get() { return PER_THREAD.get(); }

    GridEvaluator evaluator(NetworkSpec spec, int points) {
        return evaluators.computeIfAbsent(spec + "@" + points, k -> new GridEvaluator(spec, points));
    }

    byte[] grids(int size) {
        if (grids.length < size) grids = new byte[size];
        return grids;
    }

    byte[] compressed(int size) {
        if (compressed.length < size) compressed = new byte[size];
        return compressed;
    }
}
