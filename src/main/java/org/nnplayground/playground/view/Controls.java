package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.InputTag;
import j2html.tags.specialized.SelectTag;
import java.util.List;

/** Small builders for labelled controls; each container carries its link key for {@code <key>_hide}. */
final class Controls {
    private Controls() {}

    /** A container TF's classroom links can hide: {@code data-key} and TF's {@code ui-<key>} class. */
    static DivTag hideable(String key, String cssClass) {
        return div().withClasses(cssClass, "ui-" + key).attr("data-key", key);
    }

    /** A labelled select whose options are TF's values. */
    static DivTag select(String key, String id, String label, List<Choice> choices, String selected) {
        SelectTag select = j2html.TagCreator.select().withId(id).attr("data-key", key);
        for (Choice c : choices) {
            select.with(option(c.label()).withValue(c.value()).withCondSelected(c.value().equals(selected)));
        }
        return hideable(key, "control").with(label(label).attr("for", id), div(select).withClass("select"));
    }

    /** A labelled range slider whose label shows its value. */
    static DivTag slider(String key, String id, String label, int min, int max, int step, int value, String unit) {
        InputTag input = input().withType("range").withId(id).attr("data-key", key)
                .attr("min", min).attr("max", max).attr("step", step).withValue(String.valueOf(value));
        return hideable(key, "control slider").with(
                label(text(label + ": "), span(String.valueOf(value)).withClass("value").attr("data-unit", unit)
                        .attr("data-value-of", id), text(unit)).attr("for", id),
                input);
    }

    /** A checkbox with its label. */
    static DivTag checkbox(String key, String id, String label) {
        return hideable(key, "control checkbox").with(
                label(input().withType("checkbox").withId(id).attr("data-key", key), span(label)).attr("for", id));
    }
}
