package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import j2html.tags.specialized.SectionTag;
import java.util.List;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.sweep.SweepPlan;

/**
 * The course panels under the playground, which show a learner what is happening inside the training
 * (confusion matrix, predicted vs actual, gradients per layer), training extras (standardize,
 * schedule, early stopping), draw mode, the book's perceptron lessons, the sweep, and a short text.
 * The browser modules insights.js, draw.js, lesson.js and sweep.js fill them in.
 */
public final class InsightsColumn {
    private InsightsColumn() {}

    /** Settings a sweep may vary, with their labels (link keys; values are typed as in links). */
    static final List<String[]> SWEEP_KEYS = List.of(
            new String[] {LinkKey.LEARNING_RATE.key(), "Learning rate", "0.003, 0.01, 0.03"},
            new String[] {LinkKey.NETWORK_SHAPE.key(), "Network shape (4:4 = two layers of 4)", "4:4, 2:8, 8"},
            new String[] {SweepPlan.HIDDEN_LAYERS, "Number of hidden layers", "1, 2, 3"},
            new String[] {SweepPlan.NEURONS, "Neurons per hidden layer", "2, 4, 8"},
            new String[] {LinkKey.BATCH_SIZE.key(), "Batch size", "1, 10, 30"},
            new String[] {LinkKey.ACTIVATION.key(), "Activation", "relu, tanh, sigmoid"},
            new String[] {LinkKey.REGULARIZATION_RATE.key(), "Regularization rate", "0, 0.001, 0.01"},
            new String[] {LinkKey.OPTIMIZER.key(), "Optimizer", "sgd, adam, rmsprop"},
            new String[] {LinkKey.DROPOUT.key(), "Dropout", "0, 0.2, 0.5"},
            new String[] {LinkKey.REGULARIZATION.key(), "Regularization", "none, L1, L2"});

    public static SectionTag render() {
        return section().withId("course").with(
                link().withRel("stylesheet").withHref("/web/css/course.css"),
                insights(), extras(), draw(), lesson(), sweep(), explanation());
    }

    private static DomContent insights() {
        return details().withId("insights").attr("open", "open").with(
                summary("Inside the training"),
                div().withClass("course-views").with(
                        div().withId("confusion-matrix").withClass("course-view")
                                .attr("title", "Rows are the true classes, columns what the network says. The diagonal is right; "
                                        + "a big number off the diagonal shows which classes it confuses."),
                        div().withId("pred-vs-actual").withClass("course-view").attr("hidden", "hidden").with(
                                h5("Predicted vs actual"),
                                canvas().withId("pred-canvas"),
                                p().withId("pred-r2").withClass("course-note"),
                                p("Each dot is a point: its target across, the network's answer up. On the dashed diagonal "
                                        + "the answer is exact; blue = training, orange = test.").withClass("course-note")),
                        div().withId("gradient-chart").withClass("course-view").with(
                                h5("Gradient size per layer (log scale)"),
                                canvas().withId("gradient-canvas"),
                                div().withId("gradient-legend").withClass("course-legend"),
                                p().withId("gradient-ratio").withClass("course-note"),
                                p("The mean |∂loss/∂weight| of each layer per epoch. With many sigmoid layers the first "
                                        + "ones get gradients a thousand times smaller than the last: they barely learn. "
                                        + "ReLU keeps them closer.").withClass("course-note"))),
                p().withClass("course-note").with(span().withId("insights-rate"), text(" "), span().withId("best-epoch-text")),
                div().withId("best-epoch-marker").attr("hidden", "hidden"));
    }

    /** The extras' controls come from the LinkKey table (labels, options), like the page's own. */
    private static DomContent extras() {
        return div().withId("course-settings").withClass("course-row").with(
                h5("Training extras"),
                Controls.checkbox(LinkKey.STANDARDIZE, "standardize"),
                Controls.select(LinkKey.LR_SCHEDULE, "lrSchedule"),
                Controls.select(LinkKey.LR_DECAY, "lrDecay"),
                Controls.select(LinkKey.LR_PERIOD, "lrPeriod"),
                Controls.select(LinkKey.EARLY_STOP, "earlyStop"));
    }

    private static DomContent draw() {
        return details().withId("draw-panel").with(
                summary("Draw your own data"),
                div().withClass("course-row").with(
                        button("Start drawing").withId("draw-toggle").withType("button"),
                        label(input().withType("radio").withName("draw-class").withValue("1").attr("checked", "checked"),
                                text(" blue (+1)")),
                        label(input().withType("radio").withName("draw-class").withValue("-1"), text(" orange (−1)")),
                        label(text("value (regression) "), input().withType("number").withId("draw-value")
                                .attr("min", "-1").attr("max", "1").attr("step", "0.1").withValue("0.5")),
                        span("0 points").withId("draw-count")),
                p("Click on the output map to add a point of the chosen class, shift-click for the other class, right-click "
                        + "to remove one. The network trains on your points at once.").withClass("course-note"));
    }

    private static DomContent lesson() {
        return details().withId("lesson").with(
                summary("The book's perceptrons"),
                div().withClass("course-row").with(
                        button("Alien planet (2-2-1 step)").withId("lesson-alien").withType("button"),
                        button("XOR (2-2-1 step)").withId("lesson-xor").withType("button"),
                        button("Show the book's solution").withId("lesson-solution").withType("button"),
                        strong("–").withId("misclassified"), span(" misclassified")),
                div().withId("lesson-weights").withClass("course-row"),
                p("Each hidden perceptron draws one line (its weights and bias: w1·a + w2·b + bias = 0). The output "
                        + "perceptron joins them: with weights 1, 1 and bias −1.5 it says yes only when both do (AND). "
                        + "Set the numbers and watch the lines move and the count of wrong points fall.").withClass("course-note"));
    }

    private static DomContent sweep() {
        return details().withId("sweep").with(
                summary("Hyperparameter sweep"),
                div().withClass("sweep-axes").with(each(List.of(0, 1, 2), i -> div().withClass("course-row sweep-axis").with(
                        select(option("—").withValue(""), each(SWEEP_KEYS, k -> option(k[1]).withValue(k[0]).attr("data-example", k[2])))
                                .withId("sweep-key-" + i),
                        input().withType("text").withId("sweep-values-" + i).attr("placeholder", "values, comma separated")))),
                div().withClass("course-row").with(
                        label(text("epochs "), input().withType("number").withId("sweep-epochs").withValue("300").attr("min", "1")),
                        label(text("seeds "), input().withType("number").withId("sweep-seeds").withValue("1").attr("min", "1").attr("max", "5")),
                        label(text("target "), input().withType("number").withId("sweep-target").withValue("0.9").attr("step", "0.05")),
                        button("Run sweep").withId("sweep-run").withType("button"),
                        button("Cancel").withId("sweep-cancel").withType("button").attr("disabled", "disabled"),
                        tag("progress").withId("sweep-progress").attr("max", "1").attr("value", "0"),
                        span().withId("sweep-status")),
                canvas().withId("sweep-plot"),
                table().withId("sweep-table"),
                p("Every combination trains in the background, as your share of the server. Click a column to sort, "
                        + "and a row to open it as a normal playground.").withClass("course-note"));
    }

    private static DomContent explanation() {
        return div().withId("course-text").withClass("course-text").with(
                h4("What to look for"),
                p("A perceptron is one neuron: it adds up its weighted inputs and a bias and says yes when the sum is "
                        + "positive, which draws a straight line through the data. Put several in a layer and another "
                        + "neuron after them, and the lines combine into corners and islands: that is a neural network."),
                p("Training nudges every weight against its gradient, the slope of the loss. The learning rate is the "
                        + "size of the nudge: too small and nothing happens, too big and the loss jumps or explodes. "
                        + "A schedule starts big and shrinks it."),
                p("Watch the test loss as well as the training loss. When training keeps falling but test rises, the "
                        + "network is memorising its points (overfitting): stop early, regularize, use dropout or fewer "
                        + "neurons. When both stay high it is too simple (underfitting)."),
                p("For classes, the confusion matrix shows which ones get mixed up; for numbers, the predicted-vs-actual "
                        + "plot and R² (1 is perfect, 0 is no better than the average) show how close the answers are. "
                        + "Deep sigmoid networks learn slowly because their gradients shrink layer after layer: the "
                        + "gradient chart makes that visible."));
    }
}
