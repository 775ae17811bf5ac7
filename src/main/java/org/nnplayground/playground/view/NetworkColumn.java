package org.nnplayground.playground.view;

import static j2html.TagCreator.*;
import static org.nnplayground.playground.view.Controls.hideable;

import j2html.tags.specialized.SectionTag;

/** The features column and the hidden layers: headers here, the drawing itself by network.js. */
final class NetworkColumn {
    private NetworkColumn() {}

    static SectionTag render() {
        return section().withId("network-column").withClass("column features-network").with(
                div().withClass("network-header").with(
                        div().withClass("features-header").with(
                                h4("Features"), p("Which properties do you want to feed in?").withClass("explain")),
                        hideable("numHiddenLayers", "layers-header").with(
                                button("+").withId("add-layers").withClass("mini-button").attr("title", "Add a hidden layer"),
                                button("−").withId("remove-layers").withClass("mini-button")
                                        .attr("title", "Remove the last hidden layer"),
                                h4(span("2").withId("num-layers"), span(" hidden layers").withId("layers-label")))),
                div().withId("network-scroll").with(
                    div().withId("network").with(
                            rawHtml("<svg id=\"svg\" xmlns=\"http://www.w3.org/2000/svg\"></svg>"),
                            div().withId("network-nodes"),
                            div().withId("hovercard").withClass("hovercard").attr("hidden", "hidden").with(
                                    span().withClass("hovercard-label"),
                                    input().withType("number").withClass("hovercard-input").attr("step", "any"),
                                    span("click to edit").withClass("hovercard-hint")))),
                div().withId("model-summary").with(
                        h4(text("Model "), span().withId("parameter-count").withClass("muted")),
                        table().withId("summary-table")));
    }
}
