package org.nnplayground.playground.nn;

import java.util.Arrays;

/** Base for optimizers that keep one or two state arrays per block. */
abstract class StatefulOptimizer implements Optimizer {
    private final int arraysPerBlock;
    private final double initialValue;
    protected double[][] first;
    protected double[][] second;

    protected StatefulOptimizer(int arraysPerBlock, double initialValue) {
        this.arraysPerBlock = arraysPerBlock;
        this.initialValue = initialValue;
    }

    @Override
    public void initialise(int[] blockSizes) {
        first = new double[blockSizes.length][];
        second = new double[blockSizes.length][];
        for (int b = 0; b < blockSizes.length; b++) {
            first[b] = new double[blockSizes[b]];
            if (arraysPerBlock > 1) second[b] = new double[blockSizes[b]];
        }
        reset();
    }

    @Override
    public TrainerState.OptimizerState state() {
        return new TrainerState.OptimizerState(copy(first), arraysPerBlock > 1 ? copy(second) : null, steps());
    }

    @Override
    public void setState(TrainerState.OptimizerState s) {
        copyInto(s.first(), first);
        if (arraysPerBlock > 1) copyInto(s.second(), second);
        setSteps(s.steps());
    }

    /** Updates made so far, for optimizers that count them (Adam); 0 otherwise. */
    protected int steps() { return 0; }

    protected void setSteps(int steps) {}

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }

    private static void copyInto(double[][] from, double[][] to) {
        if (from == null || from.length != to.length) throw new IllegalArgumentException("the saved optimizer state does not fit this network");
        for (int i = 0; i < to.length; i++) {
            if (from[i].length != to[i].length) throw new IllegalArgumentException("the saved optimizer state does not fit this network");
            System.arraycopy(from[i], 0, to[i], 0, to[i].length);
        }
    }

    @Override
    public void reset() {
        for (double[] s : first) Arrays.fill(s, initialValue);
        if (arraysPerBlock > 1) for (double[] s : second) Arrays.fill(s, 0);
    }
}
