package org.nnplayground.playground.nn;

/**
 * The figures of a network on a data set: loss, and accuracy (classes) or R^2 (regression). Kept
 * apart from {@link Trainer} because it only reads the network: the same passes measure every
 * epoch, a weight edited by hand and a restored run. Batched and one-at-a-time passes give the
 * same numbers (tests compare both).
 */
final class MetricsPass {
    private final Network net;
    private final Propagation prop;
    private final BatchPropagation batch;

    /** Shares the trainer's passes, so measuring allocates nothing. */
    MetricsPass(Network net, Propagation prop, BatchPropagation batch) {
        this.net = net;
        this.prop = prop;
        this.batch = batch;
    }

    /** Loss, accuracy (classification) or R^2 (regression) of the current network on {@code data}. */
    Metrics of(TrainingData data, LossKind lossKind, boolean batched) {
        if (data.isEmpty()) return new Metrics(Double.NaN, null, null);
        double loss = 0;
        int correct = 0;
        double sumLabel = 0;
        double sumSquaredError = 0;
        for (int from = 0, count; from < data.size(); from += count) {
            count = batched ? Math.min(batch.capacity(), data.size() - from) : 1;
            if (batched) batch.forward(data.inputs(), from, count);
            for (int s = 0; s < count; s++) {
                int i = from + s;
                double[] out;
                if (batched) {
                    out = batch.outputs(s);
                    loss += batch.loss(s, data.targets()[i], lossKind);
                } else {
                    out = prop.predict(data.inputs()[i]);
                    loss += prop.loss(data.targets()[i], lossKind);
                }
                double label = data.labels()[i];
                if (data.numClasses() > 0) {
                    if (OutputDecoder.classOf(out, net.spec().outputActivation()) == OutputDecoder.classIndex(label, data.numClasses())) correct++;
                } else {
                    sumLabel += label;
                    sumSquaredError += (out[0] - label) * (out[0] - label);
                }
            }
        }
        int n = data.size();
        if (data.numClasses() > 0) return new Metrics(loss / n, (double) correct / n, null);
        double mean = sumLabel / n;
        double total = 0;
        for (double label : data.labels()) total += (label - mean) * (label - mean);
        return new Metrics(loss / n, null, total == 0 ? 0 : 1 - sumSquaredError / total);
    }
}
