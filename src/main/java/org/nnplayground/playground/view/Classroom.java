package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

import j2html.tags.specialized.SectionTag;
import org.nnplayground.playground.link.HidableControl;
import org.nnplayground.playground.link.LinkKey;

/**
 * TF Playground's "use it in classroom" section under the page: a checkbox per hidable control
 * that rewrites the link with {@code <control>_hide=true}, and the link to share.
 */
final class Classroom {
    private Classroom() {}

    static SectionTag render() {
        return section().withId("classroom").withClasses("classroom", "explain").with(
                h2("Use it in classroom"),
                p("Hide controls to focus a class on one idea: tick a control to hide it; the address bar "
                        + "(and the link below) then opens the playground with that control hidden."),
                div().withId("hide-controls").withClass("hide-controls").with(
                        each(HidableControl.ALL, c -> label(
                                input().withType("checkbox").withClass("hide-control").attr("data-control", c.name()),
                                span(c.label())).withClass("hide-control-item")),
                        label(input().withType("checkbox").withClass("hide-control")
                                        .attr("data-control", LinkKey.HIDE_TEXT.key()).attr("data-setting", "true"),
                                span(LinkKey.HIDE_TEXT.label())).withClass("hide-control-item")),
                p(text("Link: "), a().withId("classroom-link").withClass("classroom-link")));
    }
}
