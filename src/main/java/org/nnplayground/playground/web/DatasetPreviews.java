package org.nnplayground.playground.web;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.DataSets;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.data.TfRandom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Points of every built-in data set for the page's dataset thumbnails, generated once. */
final class DatasetPreviews {
    private static final int MAX_POINTS = 200;
    private static final String SEED = "0.12345";

    private DatasetPreviews() {}

    /** Data set key -> {problem, numClasses, points: [[x, y, label], ...]}. */
    static Map<String, Object> all() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (DatasetKind kind : DatasetKind.values()) {
            if (kind.isImage()) continue; // images are not points on a plane
            DataSet d = DataSets.generate(kind, 0, TfRandom.seeded(SEED));
            List<double[]> points = new ArrayList<>();
            int step = Math.max(1, d.samples().size() / MAX_POINTS);
            for (int i = 0; i < d.samples().size(); i += step) {
                Sample s = d.samples().get(i);
                points.add(new double[] {s.x(), s.y(), s.label()});
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("problem", kind.problem().key());
            entry.put("numClasses", kind.numClasses());
            entry.put("points", points);
            out.put(kind.key(), entry);
        }
        return out;
    }
}
