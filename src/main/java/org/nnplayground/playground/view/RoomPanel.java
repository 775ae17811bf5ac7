package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

import j2html.tags.specialized.DivTag;

/**
 * The playground page's class-room parts (web/js/room.js drives them): the entry buttons (join,
 * host), the join form, the banner of a student in a room, and the banner of a teacher's
 * read-only view of a student's run. All hidden until room.js decides.
 */
public final class RoomPanel {
    private RoomPanel() {}

    public static DivTag render() {
        return div().withId("room-panel").with(
                link().withRel("stylesheet").withHref("/web/css/room.css"),
                div().withId("room-entry").with(
                        button("Join a class").withId("join-class").withClass("room-link"),
                        button("Host a class").withId("host-class").withClass("room-link"),
                        button().withId("push-current").withClass("room-link").attr("hidden", "")),
                div().withId("room-join").attr("hidden", "").attr("role", "dialog").attr("aria-label", "Join a class").with(
                        h2("Join a class"),
                        label("Class code").attr("for", "room-code-input"),
                        input().withId("room-code-input").withType("text").attr("maxlength", "9").attr("autocomplete", "off")
                                .attr("placeholder", "e.g. ACD347").attr("spellcheck", "false"),
                        label("Your name").attr("for", "student-name"),
                        input().withId("student-name").withType("text").attr("maxlength", "24").attr("autocomplete", "nickname"),
                        p().withId("join-error").withClass("room-error").attr("role", "alert"),
                        div().withClass("room-buttons").with(
                                button("Join").withId("join-button").withClass("primary"),
                                button("Cancel").withId("join-cancel"))),
                div().withId("room-banner").attr("hidden", "").with(
                        span("Class ").withClass("room-label"), b().withId("room-banner-code"),
                        span().withId("room-banner-name").withClass("room-name"),
                        span().withId("room-notice").withClass("room-notice").attr("aria-live", "polite"),
                        button("Leave the class").withId("leave-room")),
                // the end of a class for this student (closed or removed): it stays until they dismiss it
                div().withId("class-ended").attr("hidden", "").attr("role", "status").with(
                        h2().withId("class-ended-title"),
                        p().withId("class-ended-text"),
                        div().withClass("room-buttons").with(
                                a("Keep this run's settings").withId("class-ended-keep").withHref("/")
                                        .attr("title", "This page's link: bookmark it or save the run to come back to it"),
                                button("Close").withId("class-ended-dismiss"))),
                div().withId("watch-banner").attr("hidden", "").with(
                        span().withId("watch-name"), span(" · read-only view").withClass("room-label")));
    }
}
