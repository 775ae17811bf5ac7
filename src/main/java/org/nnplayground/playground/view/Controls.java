package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

import j2html.tags.specialized.DivTag;
import j2html.tags.specialized.InputTag;
import j2html.tags.specialized.SelectTag;
import org.nnplayground.playground.link.Control;
import org.nnplayground.playground.link.LinkKey;

/**
 * Labelled controls rendered from the LinkKey table (label, options, range, what they show first);
 * each container carries its link key for {@code <key>_hide}.
 */
final class Controls {
    private Controls() {}

    /** A container TF's classroom links can hide: {@code data-key} and TF's {@code ui-<key>} class. */
    static DivTag hideable(String key, String cssClass) {
        return div().withClasses(cssClass, "ui-" + key).attr("data-key", key);
    }

    /** The key's menu, its options and labels from the table. */
    static DivTag select(LinkKey key, String id) {
        SelectTag select = j2html.TagCreator.select().withId(id).attr("data-key", key.key());
        for (Control.Option o : key.control().options()) {
            select.with(option(o.label()).withValue(o.value()).withCondSelected(o.value().equals(key.shows())));
        }
        return hideable(key.key(), "control").with(label(key.label()).attr("for", id), div(select).withClass("select"));
    }

    /** The key's range slider (minimum from its codec, top and step from its control); the label shows the value. */
    static DivTag slider(LinkKey key, String id, String unit) {
        Object min = key.allowed().get("min");
        InputTag input = input().withType("range").withId(id).attr("data-key", key.key())
                .attr("min", min).attr("max", key.control().max()).attr("step", key.control().step())
                .withValue(key.shows());
        return hideable(key.key(), "control slider").with(
                label(text(key.label() + ": "), span(key.shows()).withClass("value").attr("data-unit", unit)
                        .attr("data-value-of", id), text(unit)).attr("for", id),
                input);
    }

    /** The key's checkbox with its label. */
    static DivTag checkbox(LinkKey key, String id) {
        return hideable(key.key(), "control checkbox").with(
                label(input().withType("checkbox").withId(id).attr("data-key", key.key()), span(key.label())).attr("for", id));
    }
}
