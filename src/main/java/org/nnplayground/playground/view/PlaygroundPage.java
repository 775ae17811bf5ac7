package org.nnplayground.playground.view;

import static j2html.TagCreator.body;
import static j2html.TagCreator.document;
import static j2html.TagCreator.h1;
import static j2html.TagCreator.head;
import static j2html.TagCreator.title;

/** The playground page (placeholder until the browser UI lands). */
public final class PlaygroundPage {
    private PlaygroundPage() {}

    /** The whole page as HTML. */
    public static String html() {
        return document(j2html.TagCreator.html(head(title("Neural network playground")), body(h1("Neural network playground"))));
    }
}
