package org.nnplayground.playground.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The bundled image data sets, read from the class path once per server on first use and shared,
 * read-only, by every run that uses them (a run's split holds the same sample objects, never copies).
 * Each file (made by scripts/mnist-convert.cjs or scripts/fashion-convert.cjs) is gzip of "MNST", version 1, rows, cols, a big-endian
 * count and per image a label byte and rows x cols pixel bytes; pixels are scaled to 0..1 as the book does.
 */
public final class ImageSets {
    /** Where the digits sit on the class path (licence beside them in mnist-LICENSE.txt). */
    static final String MNIST_RESOURCE = "/data/mnist.bin.gz";
    /** Fashion-MNIST's 10,000 test images (licence in fashion-LICENSE.txt). */
    static final String FASHION_RESOURCE = "/data/fashion.bin.gz";
    /** Fashion-MNIST's classes 0..9, as its authors name them. */
    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Images of 28 x 28 pixels: the side of one image. */
    public static final int SIDE = 28;

    private ImageSets() {}

    /** The data set of an image kind, loaded on first use (thread-safe: the class holder idiom). */
    public static DataSet of(DatasetKind kind) {
        return switch (kind) {
            case MNIST -> Mnist.DATA;
            case FASHION -> Fashion.DATA;
            default -> throw new IllegalArgumentException(kind.key() + " is not an image data set");
        };
    }

    /** Pixel names in reading order (row, then column): the input columns of a 28x28 image. */
    static List<String> pixelNames(int rows, int cols) {
        List<String> names = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) names.add("r" + r + "c" + c);
        return List.copyOf(names);
    }

    private static final class Mnist {
        static final DataSet DATA = read("mnist", MNIST_RESOURCE, null);
    }

    private static final class Fashion {
        static final DataSet DATA = read("fashion", FASHION_RESOURCE, FASHION_CLASSES);
    }

    /** Reads an image file; {@code classNames} null: the labels' numbers ("0".."9"). */
    static DataSet read(String name, String resource, List<String> classNames) {
        try (InputStream raw = ImageSets.class.getResourceAsStream(resource)) {
            if (raw == null) throw new IllegalStateException("the image data " + resource + " is missing from this build");
            DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
            byte[] magic = new byte[4];
            in.readFully(magic);
            if (!"MNST".equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII)) || in.readUnsignedByte() != 1) {
                throw new IllegalStateException(resource + " is not an image file of version 1");
            }
            int rows = in.readUnsignedByte();
            int cols = in.readUnsignedByte();
            int count = in.readInt();
            int size = rows * cols;
            byte[] pixels = new byte[size];
            List<Sample> samples = new ArrayList<>(count);
            int classes = 0;
            for (int i = 0; i < count; i++) {
                int label = in.readUnsignedByte();
                in.readFully(pixels);
                double[] x = new double[size];
                for (int p = 0; p < size; p++) x[p] = (pixels[p] & 0xff) / 255.0;
                samples.add(new Sample(x, label));
                classes = Math.max(classes, label + 1);
            }
            List<String> names = new ArrayList<>();
            for (int c = 0; c < classes; c++) names.add(classNames == null ? String.valueOf(c) : classNames.get(c));
            return new DataSet(name, List.copyOf(samples), Problem.CLASSIFICATION, classes, pixelNames(rows, cols), List.copyOf(names));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image data " + resource, e);
        }
    }
}
