package org.nnplayground.playground.view;

import static j2html.TagCreator.*;
import static org.nnplayground.playground.view.Controls.hideable;
import static org.nnplayground.playground.view.Controls.select;

import j2html.tags.specialized.DivTag;
import org.nnplayground.playground.link.LinkKey;

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
                                label("Epoch"), span("000,000").withId("iter-number").withClass("value"),
                                // why the server paused on its own (early stopping), until the next run
                                p().withId("play-notice").withClass("play-notice").attr("role", "status").attr("hidden", "hidden")),
                        select(LinkKey.LEARNING_RATE, "learningRate"),
                        select(LinkKey.ACTIVATION, "activations"),
                        select(LinkKey.REGULARIZATION, "regularizations"),
                        select(LinkKey.REGULARIZATION_RATE, "regularRate"),
                        select(LinkKey.PROBLEM, "problem")),
                div().withClass("container more").with(
                        span("More").withClass("more-title").attr("title", "Settings beyond TF Playground"),
                        select(LinkKey.OPTIMIZER, "optimizer"),
                        select(LinkKey.LOSS, "loss"),
                        select(LinkKey.OUTPUT, "output"),
                        select(LinkKey.DROPOUT, "dropout"),
                        select(LinkKey.INIT, "init"),
                        select(LinkKey.SPEED, "speed")));
    }
}
