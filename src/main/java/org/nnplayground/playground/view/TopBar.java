package org.nnplayground.playground.view;

import static j2html.TagCreator.*;
import static org.nnplayground.playground.view.Controls.hideable;
import static org.nnplayground.playground.view.Controls.select;

import j2html.tags.specialized.DivTag;

/** The top bar: reset, play/pause, step, epoch counter and the training settings, then ours. */
final class TopBar {
    private TopBar() {}

    static DivTag render() {
        return div().withId("top-controls").with(
                div().withClass("container").with(
                        div().withClass("timeline-controls").with(
                                hideable("resetButton", "button-wrap").with(
                                        button(rawHtml(Icons.RESET)).withId("reset-button").withClass("icon-button")
                                                .attr("title", "Reset the network")),
                                hideable("playButton", "button-wrap").with(
                                        button(rawHtml(Icons.PLAY + Icons.PAUSE)).withId("play-pause-button").withClass("icon-button play")
                                                .attr("title", "Run/Pause (space)")),
                                hideable("stepButton", "button-wrap").with(
                                        button(rawHtml(Icons.STEP)).withId("next-step-button").withClass("icon-button")
                                                .attr("title", "Step one epoch (→)"))),
                        div().withClass("control epoch").with(
                                label("Epoch"), span("000,000").withId("iter-number").withClass("value")),
                        select("learningRate", "learningRate", "Learning rate", ControlOptions.LEARNING_RATES, "0.03"),
                        select("activation", "activations", "Activation", ControlOptions.ACTIVATIONS, "tanh"),
                        select("regularization", "regularizations", "Regularization",
                                ControlOptions.REGULARIZATIONS, "none"),
                        select("regularizationRate", "regularRate", "Regularization rate",
                                ControlOptions.REGULARIZATION_RATES, "0"),
                        select("problem", "problem", "Problem type", ControlOptions.PROBLEMS, "classification")),
                div().withClass("container more").with(
                        span("More").withClass("more-title").attr("title", "Settings beyond TF Playground"),
                        select("optimizer", "optimizer", "Optimizer", ControlOptions.OPTIMIZERS, "sgd"),
                        select("loss", "loss", "Loss", ControlOptions.LOSSES, "square"),
                        select("output", "output", "Output activation", ControlOptions.OUTPUTS, "auto"),
                        select("dropout", "dropout", "Dropout", ControlOptions.DROPOUTS, "0"),
                        select("init", "init", "Initial weights", ControlOptions.INITS, "tf"),
                        div().withClass("control").with(
                                label("Epochs per frame").attr("for", "speed"),
                                div(j2html.TagCreator.select(each(ControlOptions.SPEEDS, c ->
                                        option(c.label()).withValue(c.value()).withCondSelected(c.value().equals("1"))))
                                        .withId("speed")).withClass("select"))));
    }
}
