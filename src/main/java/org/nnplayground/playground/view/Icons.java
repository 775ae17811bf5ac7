package org.nnplayground.playground.view;

/** Inline SVG icons for the timeline buttons (no icon font: nothing is loaded from elsewhere). */
final class Icons {
    private Icons() {}

    private static String svg(String className, String body) {
        return "<svg class=\"icon " + className + "\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\">"
                + body + "</svg>";
    }

    static final String RESET = svg("icon-reset",
            "<path d=\"M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z\" fill=\"currentColor\"/>");
    static final String PLAY = svg("icon-play", "<path d=\"M8 5v14l11-7z\" fill=\"currentColor\"/>");
    static final String PAUSE = svg("icon-pause", "<path d=\"M6 5h4v14H6zm8 0h4v14h-4z\" fill=\"currentColor\"/>");
    static final String STEP = svg("icon-step", "<path d=\"M6 6v12l8.5-6zM16 6h2v12h-2z\" fill=\"currentColor\"/>");
}
