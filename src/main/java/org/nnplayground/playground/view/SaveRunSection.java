package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

import j2html.tags.specialized.ATag;
import j2html.tags.specialized.DivTag;

/**
 * Save and share, so a run can be sent to someone as a short link: the {@code #save-run} button, the {@code #share-link} short link and
 * the export links, enabled once the run is saved (web/js/saverun.js). Brings its own stylesheet.
 */
public final class SaveRunSection {
    private SaveRunSection() {}

    public static DivTag render() {
        return div().withId("save-run-section").with(
                link().withRel("stylesheet").withHref("/web/css/saverun.css"),
                button("Save run").withId("save-run").attr("title", "Store this run (data, weights, history) and get a short link"),
                a().withId("share-link").attr("hidden", ""),
                span().withId("save-status"),
                span().withClass("exports").with(
                        text("Export:"),
                        exportLink("export-keras", "Keras (.py)"),
                        exportLink("export-tfjs-model", "TF.js model.json"),
                        exportLink("export-tfjs-weights", "weights.bin"),
                        exportLink("export-losses", "losses.csv"),
                        exportLink("export-boundary", "boundary.png")));
    }

    /** Disabled until a save gives the run an id; {@code download} saves the file instead of showing it. */
    private static ATag exportLink(String id, String label) {
        return a(label).withId(id).attr("download", "").attr("aria-disabled", "true")
                .attr("title", "Save the run first, then download its " + label);
    }
}
