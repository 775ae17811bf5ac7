package org.nnplayground.playground.view;

import static j2html.TagCreator.*;
import static org.nnplayground.playground.view.Controls.hideable;
import static org.nnplayground.playground.view.Controls.slider;

import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SectionTag;
import java.util.List;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.link.Control;
import org.nnplayground.playground.link.LinkKey;

/** The data column: data set thumbnails, train/test ratio, noise, batch size, regenerate, CSV upload. */
final class DataColumn {
    private DataColumn() {}

    static SectionTag render() {
        return section().withId("data-column").withClass("column data").with(
                h4("Data"),
                hideable("dataset", "dataset-list").with(
                        p("Which dataset do you want to use?").withClass("explain"),
                        thumbnails("datasets", LinkKey.DATASET),
                        thumbnails("reg-datasets", LinkKey.REG_DATASET)),
                slider(LinkKey.PERC_TRAIN_DATA, "percTrainData", "%"),
                p().withId("all-train-note").withClass("note").attr("hidden", "hidden"),
                slider(LinkKey.NOISE, "noise", ""),
                slider(LinkKey.BATCH_SIZE, "batchSize", ""),
                div().withClass("control").with(button("Regenerate").withId("data-regen-button").withClass("basic-button")),
                div().withClass("control csv").with(
                        label("Your own data (CSV, label last)").attr("for", "csv-file"),
                        input().withType("file").withId("csv-file").attr("accept", ".csv,text/csv,text/plain"),
                        span().withId("csv-name").withClass("csv-name")),
                div().withClass("control examples").with(
                        label("Or try an example").attr("for", "example-csv"),
                        div(select().withId("example-csv").with(
                                option("choose a file…").withValue(""),
                                each(Examples.ALL, e -> option(e.label()).withValue(e.file()).attr("title", e.description()))))
                                .withClass("select")));
    }

    private static DivTag thumbnails(String id, LinkKey key) {
        List<Control.Option> datasets = key.control().options();
        return div().withId(id).withClass("dataset-thumbnails").attr("data-key", key.key()).with(
                each(datasets, d -> div().withClass("dataset").attr("data-dataset", d.value())
                        .attr("title", d.label()).attr("tabindex", "0").with(
                        canvas().withClass("data-thumbnail").attr("width", 60).attr("height", 60),
                        span(d.label()).withClass("dataset-name"))));
    }
}
