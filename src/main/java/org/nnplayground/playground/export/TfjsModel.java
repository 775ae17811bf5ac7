package org.nnplayground.playground.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nnplayground.playground.session.TrainingRun;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A run as a TF.js layers model: {@code model.json} (a Keras Sequential topology in TF.js' JSON
 * form plus a weights manifest) and {@code weights.bin} (float32, little-endian, in manifest order).
 * {@code tf.loadLayersModel} loads it; TF.js' converter can turn it into a Keras model. The layers
 * and numbers are {@link ExportModel}'s, the same as the Keras script's.
 */
public final class TfjsModel {
    /** The weights file's name, relative to model.json. */
    public static final String WEIGHTS_FILE = "weights.bin";
    private static final ObjectMapper JSON = CodeText.JSON;

    private TfjsModel() {}

    public static String modelJson(TrainingRun run) {
        ExportModel m = ExportModel.of(run);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "layers-model");
        root.put("generatedBy", "neural network playground");
        root.putNull("convertedBy");
        ObjectNode topology = root.putObject("modelTopology");
        topology.put("class_name", "Sequential");
        topology.put("keras_version", "tfjs-layers 4.22.0");
        topology.put("backend", "tensor_flow.js");
        ObjectNode config = topology.putObject("config");
        config.put("name", "playground");
        ArrayNode layers = config.putArray("layers");
        ArrayNode weights = JSON.createArrayNode();
        for (int i = 0; i < m.layers().size(); i++) {
            ExportModel.Dense d = m.layers().get(i);
            String name = "dense_" + (i + 1);
            ObjectNode layer = layers.addObject();
            layer.put("class_name", "Dense");
            ObjectNode c = layer.putObject("config");
            c.put("name", name);
            c.put("trainable", true);
            if (i == 0) c.putArray("batch_input_shape").addNull().add(d.inputs());
            c.put("dtype", "float32");
            c.put("units", d.units());
            c.put("activation", d.activation());
            c.put("use_bias", true);
            c.set("kernel_initializer", kernelInitializer(m));
            ObjectNode biasInit = c.putObject("bias_initializer");
            biasInit.put("class_name", "Constant");
            biasInit.putObject("config").put("value", m.initialBias());
            c.set("kernel_regularizer", regularizer(m));
            c.putNull("bias_regularizer");
            c.putNull("activity_regularizer");
            c.putNull("kernel_constraint");
            c.putNull("bias_constraint");
            weights.addObject().put("name", name + "/kernel").put("dtype", "float32").putArray("shape").add(d.inputs()).add(d.units());
            weights.addObject().put("name", name + "/bias").put("dtype", "float32").putArray("shape").add(d.units());
            if (i < m.layers().size() - 1 && m.dropout() > 0) {
                ObjectNode drop = layers.addObject();
                drop.put("class_name", "Dropout");
                drop.putObject("config").put("name", "dropout_" + (i + 1)).put("trainable", true).put("dtype", "float32")
                        .put("rate", m.dropout()).putNull("noise_shape").putNull("seed");
            }
        }
        ObjectNode manifest = root.putArray("weightsManifest").addObject();
        manifest.putArray("paths").add(WEIGHTS_FILE);
        manifest.set("weights", weights);
        ObjectNode meta = root.putObject("userDefinedMetadata");
        meta.put("link", run.settings().toHash());
        meta.put("epoch", run.trainer().epoch());
        ArrayNode inputs = meta.putArray("inputs");
        m.inputNames().forEach(inputs::add);
        meta.put("outputTranslatedFromTanh", m.translatedTanh());
        if (m.numClasses() > 0) {
            ArrayNode classes = meta.putArray("classNames");
            run.split().source().classNames().forEach(classes::add);
        }
        appendStandardization(meta, run);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The z-scores of a standardized run (keras.py's MEAN, STD and standardize()): the model was
     * trained on (raw - mean) / std of each data column, so a raw point needs that first.
     */
    private static void appendStandardization(ObjectNode meta, TrainingRun run) {
        var z = run.standardizer();
        if (z == null) return;
        ObjectNode standardize = meta.putObject("standardization");
        standardize.put("apply", "each data column's raw value x becomes (x - mean) / std before the model (and before any features)");
        ArrayNode columns = standardize.putArray("columns");
        run.split().source().inputNames().forEach(columns::add);
        ArrayNode mean = standardize.putArray("mean");
        for (double v : z.mean()) mean.add(v);
        ArrayNode std = standardize.putArray("std");
        for (double v : z.std()) std.add(v);
    }

    /** Every kernel then bias, layer by layer, as float32 little-endian. */
    public static byte[] weights(TrainingRun run) {
        ExportModel m = ExportModel.of(run);
        int count = 0;
        for (ExportModel.Dense d : m.layers()) count += d.inputs() * d.units() + d.units();
        ByteBuffer b = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
        for (ExportModel.Dense d : m.layers()) {
            for (double[] row : d.kernel()) for (double w : row) b.putFloat((float) w);
            for (double v : d.bias()) b.putFloat((float) v);
        }
        return b.array();
    }

    /** The run's weight initialisation in TF.js' JSON form. */
    private static ObjectNode kernelInitializer(ExportModel m) {
        ObjectNode init = JSON.createObjectNode();
        switch (m.init()) {
            case TF -> init.put("class_name", "RandomUniform").putObject("config").put("minval", -0.5).put("maxval", 0.5).putNull("seed");
            case ZERO -> init.put("class_name", "Zeros").putObject("config");
            case GLOROT -> init.put("class_name", "GlorotUniform").putObject("config").putNull("seed");
            case HE -> init.put("class_name", "HeUniform").putObject("config").putNull("seed");
        }
        return init;
    }

    private static ObjectNode regularizer(ExportModel m) {
        double rate = m.config().regularizationRate();
        ObjectNode r = JSON.createObjectNode();
        switch (m.config().regularization()) {
            case NONE -> { return null; }
            case L1 -> r.put("class_name", "L1L2").putObject("config").put("l1", rate).put("l2", 0.0);
            case L2 -> r.put("class_name", "L1L2").putObject("config").put("l1", 0.0).put("l2", rate / 2);
        }
        return r;
    }
}
