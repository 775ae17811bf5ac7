package org.nnplayground.playground.nn;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * A dense network's parameters. Layer l (1..L) has weights W[l] (width(l) x width(l-1)),
 * biases b[l] (width(l) x 1) and, for TF Playground's L1 rule, a "dead" flag per link.
 */
public final class Network {
    private final NetworkSpec spec;
    private final DMatrixRMaj[] weights;
    private final DMatrixRMaj[] biases;
    private final boolean[][] dead;
    /** anyDead[l]: some link of layer l is dead (lets the hot loops skip the per-link check). */
    private final boolean[] anyDead;

    private Network(NetworkSpec spec) {
        this.spec = spec;
        int layers = spec.numLayers();
        weights = new DMatrixRMaj[layers + 1];
        biases = new DMatrixRMaj[layers + 1];
        dead = new boolean[layers + 1][];
        anyDead = new boolean[layers + 1];
        for (int l = 1; l <= layers; l++) {
            weights[l] = new DMatrixRMaj(spec.width(l), spec.width(l - 1));
            biases[l] = new DMatrixRMaj(spec.width(l), 1);
            dead[l] = new boolean[weights[l].getNumElements()];
        }
    }

    /**
     * Builds and initialises a network. {@code uniform} yields numbers in [0, 1); TF's rule draws
     * one per link in creation order (node by node, each node's inputs in order), also for ZERO,
     * so the random stream continues exactly as in the playground.
     */
    public static Network create(NetworkSpec spec, WeightInit init, DoubleSupplier uniform) {
        Network net = new Network(spec.validate());
        for (int l = 1; l <= spec.numLayers(); l++) {
            int fanIn = spec.width(l - 1);
            int fanOut = spec.width(l);
            double limit = switch (init) {
                case GLOROT -> Math.sqrt(6.0 / (fanIn + fanOut));
                case HE -> Math.sqrt(6.0 / fanIn);
                default -> 0.5;
            };
            double[] w = net.weights[l].data;
            for (int i = 0; i < w.length; i++) {
                double u = uniform.getAsDouble();
                w[i] = switch (init) {
                    case TF -> u - 0.5;
                    case ZERO -> 0;
                    case GLOROT, HE -> (2 * u - 1) * limit;
                };
            }
            Arrays.fill(net.biases[l].data, init == WeightInit.TF ? 0.1 : 0);
        }
        return net;
    }

    public NetworkSpec spec() { return spec; }

    public int numLayers() { return spec.numLayers(); }

    /** Incoming weights of layer l: row = node in l, column = node in l-1. */
    public DMatrixRMaj weights(int l) { return weights[l]; }

    public DMatrixRMaj biases(int l) { return biases[l]; }

    /** Dead-link flags of layer l, row-major like {@link #weights(int)}; read-only (see {@link #setDead}). */
    boolean[] deadLinks(int l) { return dead[l]; }

    /** True when at least one link into layer l is dead. */
    boolean anyDead(int l) { return anyDead[l]; }

    /** Kills or revives link k (row-major index) of layer l. */
    void setDead(int l, int k, boolean isDead) {
        dead[l][k] = isDead;
        if (isDead) anyDead[l] = true;
        else recountDead(l);
    }

    private void recountDead(int l) {
        boolean any = false;
        for (boolean d : dead[l]) any |= d;
        anyDead[l] = any;
    }

    public double weight(int l, int to, int from) { return weights[l].get(to, from); }

    public double bias(int l, int node) { return biases[l].get(node, 0); }

    /** Sets one weight (a student's edit); an edited link is alive again. */
    public void setWeight(int l, int to, int from, double value) {
        checkFinite(value);
        weights[l].set(to, from, value);
        setDead(l, to * spec.width(l - 1) + from, false);
    }

    public void setBias(int l, int node, double value) {
        checkFinite(value);
        biases[l].set(node, 0, value);
    }

    /** True when every weight and bias is a finite number. */
    public boolean isFinite() {
        for (int l = 1; l <= numLayers(); l++) {
            for (double w : weights[l].data) if (!Double.isFinite(w)) return false;
            for (double b : biases[l].data) if (!Double.isFinite(b)) return false;
        }
        return true;
    }

    /** A deep copy (for snapshots sent to other threads). */
    public Network copy() {
        Network c = new Network(spec);
        for (int l = 1; l <= numLayers(); l++) {
            c.weights[l].setTo(weights[l]);
            c.biases[l].setTo(biases[l]);
            System.arraycopy(dead[l], 0, c.dead[l], 0, dead[l].length);
            c.anyDead[l] = anyDead[l];
        }
        return c;
    }

    /** Copies every parameter of {@code other} (same spec) into this network without allocating. */
    public void copyFrom(Network other) {
        for (int l = 1; l <= numLayers(); l++) {
            weights[l].setTo(other.weights[l]);
            biases[l].setTo(other.biases[l]);
            System.arraycopy(other.dead[l], 0, dead[l], 0, dead[l].length);
            anyDead[l] = other.anyDead[l];
        }
    }

    private static void checkFinite(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("a weight must be a finite number");
    }
}
