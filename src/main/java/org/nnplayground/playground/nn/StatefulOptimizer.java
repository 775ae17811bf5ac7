package org.nnplayground.playground.nn;

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
    public void reset() {
        for (double[] s : first) java.util.Arrays.fill(s, initialValue);
        if (arraysPerBlock > 1) for (double[] s : second) java.util.Arrays.fill(s, 0);
    }
}
