package org.nnplayground.playground.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The entry point for built-in data: generate a {@link DatasetKind} and split it the way TF
 * Playground does (seed, generate, shuffle with the same stream, cut at percTrain).
 */
public final class DataSets {
    private static final List<String> PLANE = List.of("x1", "x2");
    private static final List<String> BINARY = List.of("negative", "positive");

    private DataSets() {}

    /** Generates {@code kind.defaultSamples()} points with noise 0..0.5, drawing from {@code rng}. */
    public static DataSet generate(DatasetKind kind, double noise, TfRandom rng) {
        if (kind.isImage()) return ImageSets.of(kind); // shared and read-only: nothing drawn from rng
        List<Sample> samples = generator(kind).generate(kind.defaultSamples(), noise, rng);
        return new DataSet(kind.key(), List.copyOf(samples), kind.problem(), kind.numClasses(),
            inputNames(kind), classNames(kind));
    }

    /**
     * What a plan knows of a kind before its points are drawn: names, problem and classes, no
     * samples (the bundled images are the whole set: they are read once and drawn from no stream).
     */
    public static DataSet header(DatasetKind kind) {
        if (kind.isImage()) return ImageSets.of(kind);
        return new DataSet(kind.key(), List.of(), kind.problem(), kind.numClasses(), inputNames(kind), classNames(kind));
    }

    /** How many points {@link #generate} gives a kind. */
    public static int size(DatasetKind kind) {
        return kind.isImage() ? ImageSets.of(kind).samples().size() : kind.defaultSamples();
    }

    /** The generator behind a kind. */
    public static Generator generator(DatasetKind kind) {
        return switch (kind) {
            case CIRCLE -> TfGenerators::circle;
            case XOR -> TfGenerators::xor;
            case GAUSS -> TfGenerators::twoGauss;
            case SPIRAL -> TfGenerators::spiral;
            case REG_PLANE -> TfGenerators::regressPlane;
            case REG_GAUSS -> TfGenerators::regressGaussian;
            case MOONS -> ExtraGenerators::moons;
            case CHECKERBOARD -> ExtraGenerators::checkerboard;
            case CURVE -> ExtraGenerators::curve;
            case BLOBS3 -> (n, noise, rng) -> ExtraGenerators.blobs(3, n, noise, rng);
            case BLOBS4 -> (n, noise, rng) -> ExtraGenerators.blobs(4, n, noise, rng);
            case SPIRAL3 -> (n, noise, rng) -> ExtraGenerators.spiralArms(3, n, noise, rng);
            case ALIEN -> (n, noise, rng) -> FixedTables.alien();
            case ALIEN_NN -> (n, noise, rng) -> FixedTables.alienNn();
            case XOR_TABLE -> (n, noise, rng) -> FixedTables.xorTable();
            case MNIST, FASHION -> (n, noise, rng) -> ImageSets.of(kind).samples().subList(0, Math.min(n, kind.defaultSamples()));
        };
    }

    private static List<String> inputNames(DatasetKind kind) {
        return isAlien(kind) ? List.of("aack", "beep") : PLANE;
    }

    private static boolean isAlien(DatasetKind kind) { return kind == DatasetKind.ALIEN || kind == DatasetKind.ALIEN_NN; }

    /** Display names of the classes: index 0 is label -1 for binary data. */
    static List<String> classNames(DatasetKind kind) {
        if (isAlien(kind)) return List.of("sad", "happy");
        if (kind.problem() == Problem.REGRESSION) return List.of();
        if (kind.numClasses() == 2) return BINARY;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < kind.numClasses(); c++) names.add("class " + c);
        return List.copyOf(names);
    }

    /**
     * Shuffles a copy of the samples with TF's shuffle (continuing {@code rng}) and puts the first
     * {@code floor(n * percTrain / 100)} into train, the rest into test.
     */
    public static Split split(DataSet data, int percTrain, TfRandom rng) {
        if (percTrain < 0 || percTrain > 100) {
            throw new IllegalArgumentException("percTrain must be 0..100, was " + percTrain);
        }
        List<Sample> shuffled = new ArrayList<>(data.samples());
        rng.shuffle(shuffled);
        int splitIndex = (int) Math.floor(shuffled.size() * (double) percTrain / 100);
        return new Split(data, List.copyOf(shuffled.subList(0, splitIndex)),
            List.copyOf(shuffled.subList(splitIndex, shuffled.size())));
    }
}
