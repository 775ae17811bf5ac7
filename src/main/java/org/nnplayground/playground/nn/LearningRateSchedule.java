package org.nnplayground.playground.nn;

/**
 * How the learning rate falls as epochs pass (Keras' ExponentialDecay): lr = lr0 * decay^(epoch / period),
 * the exponent rounded down for a step schedule (staircase) and not for an exponential one.
 *
 * @param decay  factor per period, in (0, 1]
 * @param period epochs per factor, at least 1
 */
public record LearningRateSchedule(Kind kind, double decay, int period) {

    /** The schedule's shape. */
    public enum Kind {
        /** The rate stays as set. */
        NONE("none"),
        /** The rate is multiplied by the decay every period epochs. */
        STEP("step"),
        /** The rate shrinks smoothly, by the decay over each period. */
        EXP("exp");

        private final String key;

        Kind(String key) { this.key = key; }

        public String key() { return key; }
    }

    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(Kind.NONE, 1, 1);

    public LearningRateSchedule {
        if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("the decay must be in (0, 1] (got " + decay + ")");
        if (period < 1) throw new IllegalArgumentException("the decay period must be at least 1 epoch (got " + period + ")");
    }

    /** The rate for an epoch (0 = the first), from the base rate the student set. */
    public double rate(double base, int epoch) {
        return switch (kind) {
            case NONE -> base;
            case STEP -> base * Math.pow(decay, Math.floorDiv(epoch, period));
            case EXP -> base * Math.pow(decay, (double) epoch / period);
        };
    }
}
