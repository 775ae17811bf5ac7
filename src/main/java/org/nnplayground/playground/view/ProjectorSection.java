package org.nnplayground.playground.view;

import j2html.tags.specialized.SectionTag;

import static j2html.TagCreator.*;

/**
 * The dashboard's projector mode: full screen, large type, nothing to click but the view tabs.
 * Three views: the spotlit run (output map, loss chart, figures), 2 to 4 runs side by side with
 * the settings they differ in highlighted, and the whole class (a boundary per student, everyone's
 * test loss, the spread of test accuracy). {@code web/js/projector.js} fills it.
 */
final class ProjectorSection {
    private ProjectorSection() {}

    static SectionTag html() {
        return section().withId("projector").attr("hidden", "").attr("aria-label", "Projector").with(
                nav().withClass("projector-bar").with(
                        div().withClass("projector-tabs").with(
                                button("Spotlight").withId("projector-spotlight-tab").attr("data-view", "spotlight"),
                                button("Compare").withId("projector-compare-tab").attr("data-view", "compare"),
                                button("Class").withId("projector-class-tab").attr("data-view", "class")),
                        span().withId("projector-code").withClass("projector-code"),
                        button("Full screen").withId("projector-fullscreen"),
                        button("Back to the dashboard").withId("projector-exit")),
                div().withId("projector-spotlight").withClass("projector-view").with(
                        h1("No student in the spotlight").withId("spotlight-name"),
                        div().withId("spotlight-run").withClass("run-panels")),
                div().withId("projector-compare").withClass("projector-view").with(
                        h1("Comparing").withClass("projector-title"),
                        div().withId("compare-panels").withClass("run-panels")),
                div().withId("projector-class").withClass("projector-view").with(
                        div().withClass("class-charts").with(
                                figure().with(canvas().withId("class-losses"), figcaption("Test loss of every student, by epoch")),
                                figure().with(canvas().withId("class-histogram"), figcaption().withId("class-histogram-caption"))),
                        div().withId("class-thumbs").attr("aria-label", "Every student's output")));
    }
}
