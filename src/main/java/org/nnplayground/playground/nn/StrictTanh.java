package org.nnplayground.playground.nn;

/**
 * Pure-Java tanh that returns exactly what {@link StrictMath#tanh} (fdlibm's s_tanh.c) returns,
 * without the JNI call JDK 17 makes for it. Same algorithm, same constants, same order of
 * operations; StrictTanhTest proves bit equality on millions of inputs and every branch edge.
 */
final class StrictTanh {
    private StrictTanh() {}

    /** High word of |x| below which tanh(x) = x*(1+x): |x| < 2^-55. */
    private static final int TINY = 0x3c800000;
    /** High word of 1.0: from here on tanh uses expm1(2|x|). */
    private static final int ONE = 0x3ff00000;
    /** High word of 22.0: from here on tanh(x) rounds to +-1. */
    private static final int SATURATED = 0x40360000;

    /**
     * tanh(x) bit for bit as fdlibm:
     * <pre>
     *   |x| < 2^-55      : x*(1+x)
     *   2^-55 <= |x| < 1 : t = expm1(-2|x|), z = -t/(t+2)
     *   1 <= |x| < 22    : t = expm1(2|x|),  z = 1 - 2/(t+2)
     *   |x| >= 22        : z = 1 - tiny (= 1)
     *   result sign(x)*z; +-Inf -> +-1; NaN -> NaN
     * </pre>
     */
    static double tanh(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int jx = (int) (bits >>> 32);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7ff00000) return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
        double z;
        if (ix < SATURATED) {
            if (ix < TINY) return x * (1.0 + x);
            if (ix >= ONE) {
                double t = Expm1.expm1(2.0 * Math.abs(x));
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = Expm1.expm1(-2.0 * Math.abs(x));
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0 - 1.0e-300;
        }
        return jx >= 0 ? z : -z;
    }
}
