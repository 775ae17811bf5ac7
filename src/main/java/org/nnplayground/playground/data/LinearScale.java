package org.nnplayground.playground.data;

/**
 * d3 v3's linear scale with two-point domain and range, computed the way d3 3.5.17 does
 * ({@code r0 * (1 - t) + r1 * t}) so generated labels match TF Playground exactly.
 */
public record LinearScale(double d0, double d1, double r0, double r1, boolean clamped) {

    /** An unclamped scale. */
    public static LinearScale of(double d0, double d1, double r0, double r1) {
        return new LinearScale(d0, d1, r0, r1, false);
    }

    /** The same scale, clamped to its range. */
    public LinearScale clamp() {
        return new LinearScale(d0, d1, r0, r1, true);
    }

    /** Maps a domain value into the range. */
    public double apply(double x) {
        double span = d1 - d0;
        // d3 divides by 1/0 (= Infinity) for an empty domain, which makes every t zero.
        double t = (x - d0) / (span != 0 ? span : Double.POSITIVE_INFINITY);
        if (clamped) t = Math.max(0, Math.min(1, t));
        return r0 * (1 - t) + r1 * t;
    }
}
