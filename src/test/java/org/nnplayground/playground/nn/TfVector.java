package org.nnplayground.playground.nn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nnplayground.playground.data.Feature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** One TensorFlow Playground reference run from src/test/resources/tf-vectors. */
record TfVector(String name, JsonNode json) {

    static TfVector load(String name) {
        try (InputStream in = TfVector.class.getResourceAsStream("/tf-vectors/" + name + ".json")) {
            return new TfVector(name, new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Feature> features() {
        List<Feature> f = new ArrayList<>();
        json.get("inputIds").forEach(id -> f.add(Feature.fromKey(id.asText())));
        return f;
    }

    NetworkSpec spec() {
        JsonNode shape = json.get("networkShape");
        int[] hidden = new int[shape.size() - 2];
        for (int i = 0; i < hidden.length; i++) hidden[i] = shape.get(i + 1).asInt();
        return new NetworkSpec(shape.get(0).asInt(), hidden, 1,
                Activation.fromKey(json.get("hiddenActivation").asText()),
                Activation.fromKey(json.get("outputActivation").asText()));
    }

    TrainingConfig config() {
        JsonNode s = json.get("state");
        return new TrainingConfig(LossKind.SQUARE, OptimizerKind.SGD, s.get("learningRate").asDouble(),
                Regularization.fromKey(json.get("regularization").asText()), s.get("regularizationRate").asDouble(),
                s.get("batchSize").asInt(), 0, true, 0);
    }

    boolean regression() { return json.get("problem").asText().equals("regression"); }

    TrainingData data(String part) {
        JsonNode points = json.get(part);
        List<Feature> features = features();
        int n = points.size();
        double[][] inputs = new double[n][];
        double[][] targets = new double[n][];
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode p = points.get(i);
            double x = p.get("x").asDouble();
            double y = p.get("y").asDouble();
            inputs[i] = features.stream().mapToDouble(f -> f.of(x, y)).toArray();
            labels[i] = p.get("label").asDouble();
            targets[i] = new double[] {labels[i]};
        }
        return new TrainingData(inputs, targets, labels, regression() ? 0 : 2);
    }

    /** Sets weights, biases and dead flags from a snapshot ("initial", "afterEpoch1", ...). */
    void load(Network net, String snapshot) {
        JsonNode snap = json.get(snapshot);
        var weights = snap.get("weights").elements();
        var biases = snap.get("biases").elements();
        for (int l = 1; l <= net.numLayers(); l++) {
            double[] w = net.weights(l).data;
            for (int k = 0; k < w.length; k++) {
                JsonNode link = weights.next();
                w[k] = link.get("weight").asDouble();
                net.setDead(l, k, link.get("isDead").asBoolean());
            }
            double[] b = net.biases(l).data;
            for (int i = 0; i < b.length; i++) b[i] = biases.next().get("bias").asDouble();
        }
    }

    double loss(String series, int epoch) { return json.get(series).get(epoch).asDouble(); }
}
