package org.nnplayground.playground.session;

import java.util.List;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.DataOrigin;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.LinkLimits;
import org.nnplayground.playground.link.PlaygroundSettings;

/**
 * Fits a link's settings to the data a {@link RunPlanner} plans a run on (the data source, TF's
 * train ratio, the slice columns); each change a sentence for the student.
 */
final class SettingsFit {
    private SettingsFit() {}

    /**
     * The link follows the data in use: the student's own data (a CSV, a drawing) is {@code data=local}
     * with its own problem type; generated data drops a {@code data=local} that came without its data.
     */
    static PlaygroundSettings dataSource(PlaygroundSettings s, DataSet uploaded, List<String> warnings) {
        if (uploaded == null) {
            if (!s.isSet(LinkKey.DATA)) return s;
            warnings.add("data=" + s.text(LinkKey.DATA) + ": this link was made on data of its own (a CSV file or drawn points), "
                    + "which a link cannot carry; showing " + s.datasetInUse().key() + " until you load that data again");
            return s.withDefault(LinkKey.DATA);
        }
        PlaygroundSettings out = s.with(LinkKey.DATA, DataOrigin.LOCAL.key());
        return out.problem() == uploaded.problem() ? out : out.with(LinkKey.PROBLEM, uploaded.problem().key());
    }

    /** TF's own data sets keep its 10..90 % ratio; tables and CSVs may train on all points. */
    static PlaygroundSettings tfRatio(PlaygroundSettings s, DataSet uploaded, List<String> warnings) {
        boolean tfData = uploaded == null && s.datasetInUse().isTensorFlowPlayground();
        if (!tfData || s.percTrainData() <= LinkLimits.MAX_PERC_TRAIN_DATA_TF) return s;
        warnings.add("percTrainData " + s.percTrainData() + " is for tables and your own data; TF Playground's data sets keep 10 to "
                + LinkLimits.MAX_PERC_TRAIN_DATA_TF + ", so using " + LinkLimits.MAX_PERC_TRAIN_DATA_TF);
        return s.with(LinkKey.PERC_TRAIN_DATA, String.valueOf(LinkLimits.MAX_PERC_TRAIN_DATA_TF));
    }

    /** Slice columns that the data does not have go back to the default (first and second) with a warning. */
    static PlaygroundSettings slice(PlaygroundSettings s, DataSet data, List<String> warnings) {
        PlaygroundSettings out = s;
        for (LinkKey key : List.of(LinkKey.SLICE_X, LinkKey.SLICE_Y)) {
            String column = out.text(key);
            if (column == null) continue;
            if (data.isPlanar() || !data.inputNames().contains(column)) {
                warnings.add(key.key() + ": " + (data.isPlanar() ? "this data has only two inputs, so there is no slice to choose"
                        : "no input column '" + column + "' (columns: " + String.join(", ", data.inputNames()) + ")")
                        + "; using the default");
                out = out.withDefault(key);
            }
        }
        return out;
    }
}
