package org.nnplayground.playground.nn;

/**
 * Pure-Java exp(x)-1 following fdlibm's s_expm1.c step for step (same constants, same order of
 * operations), so that it returns exactly what {@link StrictMath#expm1} returns.
 * <p>
 * Algorithm: reduce x = k*ln2 + r with |r| <= 0.5 ln2 (r carried as hi - lo plus a correction c);
 * approximate expm1(r) with a rational function of r whose correction term uses the
 * polynomial R1(r^2/2) = 1 + Q1 hxs + ... + Q5 hxs^5; rebuild 2^k (expm1(r) + 1) - 1 in a way that
 * loses no accuracy for each range of k.
 */
final class Expm1 {
    private Expm1() {}

    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;
    /** Above this exp(x) overflows: 0x40862E42_FEFA39EF. */
    private static final double O_THRESHOLD = Double.longBitsToDouble(0x40862E42FEFA39EFL);
    /** ln2 split so that k*LN2_HI is exact: 0x3fe62e42_fee00000 and 0x3dea39ef_35793c76. */
    static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
    static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
    static final double INVLN2 = Double.longBitsToDouble(0x3ff71547652b82feL);
    /** Scaled coefficients of R1. */
    static final double Q1 = Double.longBitsToDouble(0xBFA11111111110F4L);
    static final double Q2 = Double.longBitsToDouble(0x3F5A01A019FE5585L);
    static final double Q3 = Double.longBitsToDouble(0xBF14CE199EAADBB7L);
    static final double Q4 = Double.longBitsToDouble(0x3ED0CFCA86E65239L);
    static final double Q5 = Double.longBitsToDouble(0xBE8AFDB76E09C32DL);

    /** exp(x) - 1, bit for bit as fdlibm's expm1. */
    static double expm1(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        boolean negative = hx < 0;
        hx &= 0x7fffffff;

        // huge and non-finite arguments
        if (hx >= 0x4043687A) {                      // |x| >= 56 ln2
            if (hx >= 0x40862E42) {                  // |x| >= 709.78...
                if (hx >= 0x7ff00000) {
                    if (((hx & 0xfffff) | (int) bits) != 0) return x + x; // NaN
                    return negative ? -1.0 : x;      // exp(+-inf) - 1 = {-1, inf}
                }
                if (x > O_THRESHOLD) return HUGE * HUGE; // overflow
            }
            if (negative && x + TINY < 0.0) return TINY - 1.0; // x < -56 ln2: -1
        }

        // argument reduction: x = k ln2 + (hi - lo), c corrects the rounding of hi - lo
        double hi;
        double lo;
        double c = 0;
        int k;
        if (hx > 0x3fd62e42) {                       // |x| > 0.5 ln2
            if (hx < 0x3FF0A2B2) {                   // and |x| < 1.5 ln2
                if (!negative) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INVLN2 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI;                 // exact
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c900000) {                // |x| < 2^-54: x (with inexact)
            double t = HUGE + x;
            return x - (t - (HUGE + x));
        } else {
            k = 0;
        }

        // x is now in the primary range
        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        double t = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) return x - (x * e - hxs);       // c is 0
        e = (x * (e - c) - c);
        e -= hxs;
        if (k == -1) return 0.5 * (x - e) - 0.5;
        if (k == 1) {
            if (x < -0.25) return -2.0 * (e - (x + 0.5));
            return 1.0 + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56) {                     // exp(x) - 1 suffices
            double y = 1.0 - (e - x);
            return addExponent(y, k) - 1.0;
        }
        if (k < 20) {
            double u = highWord(0x3ff00000 - (0x200000 >> k)); // 1 - 2^-k
            double y = u - (e - x);
            return addExponent(y, k);
        }
        double u = highWord((0x3ff - k) << 20);     // 2^-k
        double y = x - (e + u);
        y += 1.0;
        return addExponent(y, k);
    }

    /** y * 2^k by adding k to the exponent field (fdlibm's __HI(y) += k << 20). */
    static double addExponent(double y, int k) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(y) + ((long) k << 52));
    }

    /** The double whose high word is {@code hi} and low word 0. */
    static double highWord(int hi) {
        return Double.longBitsToDouble((long) hi << 32);
    }
}
