package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

/**
 * The playground page, rendered on the server with j2html: TF Playground's layout and element ids.
 * The browser modules in {@code web/js} fill it in from the session's messages and frames.
 */
public final class PlaygroundPage {
    private PlaygroundPage() {}

    /** The whole page as HTML. */
    public static String html() {
        return document(j2html.TagCreator.html(
                head(
                        meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title("Neural network playground"),
                        link().withRel("icon").withHref("data:,"),
                        link().withRel("stylesheet").withHref("/web/css/playground.css")),
                body(
                        header().withId("app-header").with(
                                h1(text("Neural network "), b("playground")),
                                p("Tinker with a neural network: it trains on the server and streams every frame here.")
                                        .withClasses("tagline", "explain"),
                                span("connecting…").withId("connection").withClass("connection")),
                        RoomPanel.render(),
                        TopBar.render(),
                        SaveRunSection.render(),
                        // over the page (fixed), so a message never moves a control under the pointer
                        div().withId("notices").with(
                                div().withId("toasts").attr("aria-live", "polite"),
                                details().withId("message-log").attr("hidden", "hidden").with(
                                        summary(span("0 messages").withId("message-count")),
                                        ol().withId("message-list"))),
                        main().withId("main-part").with(
                                DataColumn.render(),
                                NetworkColumn.render(),
                                OutputColumn.render()),
                        InsightsColumn.render(),
                        Classroom.render(),
                        script(rawHtml(LinkTableJson.JSON)).withType("application/json").withId("link-table"),
                        script().withType("module").withSrc("/web/js/main.js"))
        ).attr("lang", "en"));
    }
}
