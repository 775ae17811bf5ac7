package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.nnplayground.playground.nn.EpochStats;
import org.nnplayground.playground.nn.Metrics;
import org.nnplayground.playground.nn.Network;
import org.nnplayground.playground.session.RunHistory;
import org.nnplayground.playground.session.RunSnapshot;
import org.nnplayground.playground.session.TrainingRun;

/** {@code GET /api/runs/{id}}: a saved run as JSON (docs/protocol.md lists the fields). */
final class RunJson {
    private RunJson() {}

    static ObjectNode of(ObjectMapper mapper, String id, RunSnapshot snapshot, TrainingRun run) {
        ObjectNode o = mapper.createObjectNode();
        o.put("id", id);
        o.put("url", "/r/" + id);
        o.put("link", snapshot.link());
        o.put("epoch", snapshot.epoch());
        o.put("tfExact", run.tfExact());
        o.put("csv", snapshot.uploaded() == null ? null : snapshot.uploaded().name());
        boolean classification = run.split().source().numClasses() > 0;
        EpochStats now = run.trainer().lastStats();
        putMetrics(o, "Train", now.train());
        if (now.test() != null) putMetrics(o, "Test", now.test());
        ArrayNode layers = o.putArray("layers");
        for (int l = 0; l <= run.spec().numLayers(); l++) layers.add(run.spec().width(l));
        ObjectNode history = o.putObject("lossHistory");
        RunHistory.Record h = snapshot.history();
        history.put("firstEpoch", h.firstEpoch());
        history.put("metric", classification ? "accuracy" : "r2");
        floats(history.putArray("train"), h.lossTrain());
        floats(history.putArray("test"), h.lossTest());
        floats(history.putArray("metricTrain"), h.metricTrain());
        floats(history.putArray("metricTest"), h.metricTest());
        ArrayNode weights = o.putArray("weights");
        Network net = run.network();
        for (int l = 1; l <= net.numLayers(); l++) {
            ObjectNode layer = weights.addObject();
            layer.put("layer", l);
            layer.put("activation", run.spec().activation(l).key());
            ArrayNode rows = layer.putArray("weights");
            for (int to = 0; to < run.spec().width(l); to++) {
                ArrayNode row = rows.addArray();
                for (int from = 0; from < run.spec().width(l - 1); from++) row.add(net.weight(l, to, from));
            }
            ArrayNode biases = layer.putArray("biases");
            for (int to = 0; to < run.spec().width(l); to++) biases.add(net.bias(l, to));
        }
        return o;
    }

    private static void putMetrics(ObjectNode o, String suffix, Metrics m) {
        o.put("loss" + suffix, m.loss());
        if (m.accuracy() != null) o.put("accuracy" + suffix, m.accuracy());
        if (m.r2() != null) o.put("r2" + suffix, m.r2());
    }

    /** NaN (no figure) as null, so the JSON stays standard. */
    private static void floats(ArrayNode a, float[] values) {
        for (float v : values) {
            if (Float.isNaN(v)) a.addNull();
            else a.add(v);
        }
    }
}
