package org.nnplayground.playground.view;

import static j2html.TagCreator.*;
import static org.nnplayground.playground.view.Controls.hideable;
import static org.nnplayground.playground.view.Controls.slider;

import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SectionTag;
import java.util.List;

/** The data column: data set thumbnails, train/test ratio, noise, batch size, regenerate, CSV upload. */
final class DataColumn {
    private DataColumn() {}

    static SectionTag render() {
        return section().withId("data-column").withClass("column data").with(
                h4("Data"),
                hideable("dataset", "dataset-list").with(
                        p("Which dataset do you want to use?").withClass("explain"),
                        thumbnails("datasets", "dataset", ControlOptions.DATASETS),
                        thumbnails("reg-datasets", "regDataset", ControlOptions.REG_DATASETS)),
                slider("percTrainData", "percTrainData", "Ratio of training to test data", 10, 90, 10, 50, "%"),
                slider("noise", "noise", "Noise", 0, 50, 5, 0, ""),
                slider("batchSize", "batchSize", "Batch size", 1, 30, 1, 10, ""),
                div().withClass("control").with(button("Regenerate").withId("data-regen-button").withClass("basic-button")),
                div().withClass("control csv").with(
                        label("Your own data (CSV, label last)").attr("for", "csv-file"),
                        input().withType("file").withId("csv-file").attr("accept", ".csv,text/csv,text/plain"),
                        span().withId("csv-name").withClass("csv-name")));
    }

    private static DivTag thumbnails(String id, String key, List<Choice> datasets) {
        return div().withId(id).withClass("dataset-thumbnails").attr("data-key", key).with(
                each(datasets, d -> div().withClass("dataset").attr("data-dataset", d.value())
                        .attr("title", d.label()).attr("tabindex", "0").with(
                        canvas().withClass("data-thumbnail").attr("width", 60).attr("height", 60),
                        span(d.label()).withClass("dataset-name"))));
    }
}
