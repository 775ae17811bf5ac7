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
                double t = expm1From2To44(2.0 * Math.abs(x));
                z = 1.0 - 2.0 / (t + 2.0);
            } else {
                double t = expm1FromMinus2ToZero(-2.0 * Math.abs(x));
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0 - 1.0e-300;
        }
        return Math.copySign(z, x); // tanh is odd; no branch to mispredict on mixed signs
    }
    /*
     * fdlibm's expm1 cut down to the two argument ranges tanh uses, so that each is small enough
     * for the JIT to inline; the branches dropped are the ones these ranges never reach, the
     * operations kept are exactly Expm1's (see there for the algorithm).
     */

    /** expm1(x) for 2 <= x < 44: always the general reduction, k = round(x / ln2) in 3..64. */
    private static double expm1From2To44(double x) {
        int k = (int) (Expm1.INVLN2 * x + 0.5);
        double t = k;
        double hi = x - t * Expm1.LN2_HI;
        double lo = t * Expm1.LN2_LO;
        double r = hi - lo;
        double c = (hi - r) - lo;
        double e = correction(r);
        double hxs = r * (0.5 * r);
        e = (r * (e - c) - c);
        e -= hxs;
        if (k > 56) return Expm1.addExponent(1.0 - (e - r), k) - 1.0;
        if (k < 20) return Expm1.addExponent(Expm1.highWord(0x3ff00000 - (0x200000 >> k)) - (e - r), k);
        double y = r - (e + Expm1.highWord((0x3ff - k) << 20));
        y += 1.0;
        return Expm1.addExponent(y, k);
    }

    /** expm1(x) for -2 < x <= -2^-54: k is 0 (|x| <= ln2/2), -1 (|x| < 1.5 ln2), or -2 / -3. */
    private static double expm1FromMinus2ToZero(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (hx <= 0x3fd62e42) {
            double hxs = x * (0.5 * x);
            return x - (x * correction(x) - hxs);
        }
        double hi;
        double lo;
        int k;
        if (hx < 0x3FF0A2B2) {
            hi = x + Expm1.LN2_HI;
            lo = -Expm1.LN2_LO;
            k = -1;
        } else {
            k = (int) (Expm1.INVLN2 * x - 0.5);
            double t = k;
            hi = x - t * Expm1.LN2_HI;
            lo = t * Expm1.LN2_LO;
        }
        double r = hi - lo;
        double c = (hi - r) - lo;
        double e = correction(r);
        double hxs = r * (0.5 * r);
        e = (r * (e - c) - c);
        e -= hxs;
        if (k == -1) return 0.5 * (r - e) - 0.5;
        return Expm1.addExponent(1.0 - (e - r), k) - 1.0;
    }

    /**
     * fdlibm's e for reduced r: hfx = r/2, hxs = r*hfx, R1 = 1 + Q1 hxs + ... + Q5 hxs^5,
     * t = 3 - R1 hfx, e = hxs ((R1 - t) / (6 - r t)).
     */
    private static double correction(double r) {
        double hfx = 0.5 * r;
        double hxs = r * hfx;
        double r1 = 1.0 + hxs * (Expm1.Q1 + hxs * (Expm1.Q2 + hxs * (Expm1.Q3 + hxs * (Expm1.Q4 + hxs * Expm1.Q5))));
        double t = 3.0 - r1 * hfx;
        return hxs * ((r1 - t) / (6.0 - r * t));
    }
}
