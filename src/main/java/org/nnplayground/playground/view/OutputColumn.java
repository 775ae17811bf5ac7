package org.nnplayground.playground.view;

import static j2html.TagCreator.*;
import static org.nnplayground.playground.view.Controls.checkbox;

import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.SectionTag;
import org.nnplayground.playground.link.LinkKey;

/** The output column: losses and metric, the loss chart, the big heatmap with points, legend, toggles. */
final class OutputColumn {
    private OutputColumn() {}

    static SectionTag render() {
        return section().withId("output-column").withClass("column output").with(
                h4("Output"),
                div().withClass("output-stats").with(
                        div().withClass("stat").with(span("Test loss"), span("–").withId("loss-test").withClass("value")),
                        div().withClass("stat").with(span("Training loss"), span("–").withId("loss-train").withClass("value")),
                        div().withClass("stat metric").with(span("Test accuracy").withId("metric-test-label"),
                                span("–").withId("metric-test").withClass("value")),
                        div().withClass("stat metric").with(span("Training accuracy").withId("metric-train-label"),
                                span("–").withId("metric-train").withClass("value"))),
                div().withId("linechart").with(canvas().withId("linechart-canvas")),
                div().withId("slice-controls").withClass("slice-controls").attr("hidden", "hidden").with(
                        span("Heatmap slice (other columns at their training mean):").withClass("explain"),
                        sliceSelect(LinkKey.SLICE_X, "slice-x"), sliceSelect(LinkKey.SLICE_Y, "slice-y")),
                div().withId("heatmap").with(
                        canvas().withId("heatmap-canvas").attr("width", 100).attr("height", 100),
                        canvas().withId("points-canvas").attr("width", 600).attr("height", 600),
                        div().withId("heatmap-axes").with(
                                span("-6").withClass("axis-min"), span().withClass("axis-name x-name"),
                                span("6").withClass("axis-max"),
                                span("-6").withClass("axis-y-min"), span().withClass("axis-name y-name"),
                                span("6").withClass("axis-y-max")),
                        div().withId("diverged").withClass("diverged").attr("hidden", "hidden").with(
                                strong("Training diverged."), span().withId("diverged-message"))),
                div().withId("legend").with(
                        div().withClass("legend-text").with(text("Colours show data, neuron and weight values.")),
                        div().withClass("legend-bar").with(
                                canvas().withId("legend-canvas").attr("width", 150).attr("height", 10),
                                div().withClass("legend-ticks").with(span("-1"), span("0"), span("1"))),
                        div().withId("class-legend")),
                checkbox(LinkKey.SHOW_TEST_DATA, "show-test-data"),
                checkbox(LinkKey.DISCRETIZE, "discretize"),
                p().withId("plateau-hint").withClass("hint").attr("hidden", "hidden"));
    }

    /** A menu of the data's input columns (filled in by the page from the session) for one slice axis. */
    private static DivTag sliceSelect(LinkKey key, String id) {
        return div().withClass("control").with(label(key.label()).attr("for", id),
                div(select().withId(id).attr("data-key", key.key())).withClass("select"));
    }
}
