package org.nnplayground.playground.view;

import static j2html.TagCreator.*;

/**
 * The teacher's dashboard ({@code /teach?room=CODE#key=...}): the room code for the projector,
 * the exercise to push, class actions, the leaderboard and a card per student. {@code web/js/dashboard.js}
 * fills it from the room socket's compact updates; it never receives a student's frames. Its
 * projector mode ({@link ProjectorSection}, {@code web/js/projector.js}) watches the spotlit or
 * compared runs on sockets of their own.
 */
public final class DashboardPage {
    private DashboardPage() {}

    public static String html() {
        return document(j2html.TagCreator.html(
                head(
                        meta().withCharset("utf-8"),
                        meta().withName("viewport").withContent("width=device-width, initial-scale=1"),
                        title("Class dashboard · Neural network playground"),
                        link().withRel("icon").withHref("data:,"),
                        link().withRel("stylesheet").withHref("/web/css/dashboard.css"),
                        link().withRel("stylesheet").withHref("/web/css/projector.css"),
                        // setting labels for the projector's comparison of runs
                        script(rawHtml(LinkTableJson.JSON)).withType("application/json").withId("link-table")),
                body(
                        header().withId("dash-header").with(
                                // the join link as a QR code, from /api/rooms/{code}/qr.svg (dashboard.js sets it)
                                img().withId("join-qr").withAlt("QR code of the join link").attr("hidden", ""),
                                div().withClass("join-info").with(
                                        span("Join at ").withClass("join-label"),
                                        span().withId("join-url").withClass("join-url"),
                                        span(" with code").withClass("join-label")),
                                div("······").withId("room-code").attr("title", "The class code: students type it on the playground page"),
                                div().withClass("counts").with(
                                        span("0").withId("student-count"), span(" students").withId("student-noun"),
                                        span("connecting…").withId("dash-connection").withClass("connection"))),
                        div().withId("dash-ended").attr("hidden", "").attr("role", "status").with(
                                h2(org.nnplayground.playground.room.RoomException.CLASS_ENDED),
                                p("The class is read-only now: its cards stay as they were, and its report can still be downloaded.")),
                        section().withId("dash-actions").with(
                                div().withClass("exercise").with(
                                        label("Exercise link").attr("for", "exercise-link"),
                                        input().withId("exercise-link").withType("text")
                                                .attr("placeholder", "a playground link, e.g. http://…/#dataset=xor&activation=tanh&activation_hide=true"),
                                        button("Push to every student").withId("push-exercise"),
                                        a("Open in a playground").withId("open-exercise").withTarget("_blank").withHref("/")),
                                div().withClass("buttons").with(
                                        button("Pause all").withId("pause-all"),
                                        button("Resume all").withId("resume-all"),
                                        button("Reset all").withId("reset-all"),
                                        button("Remove everyone away").withId("remove-away")
                                                .attr("title", "Removes every student whose card reads away or left"),
                                        label(input().withType("checkbox").withId("anonymize"), text(" Anonymize names")),
                                        label("Sort by").attr("for", "sort-by"),
                                        select(option("name").withValue("name"), option("test loss").withValue("loss"),
                                                option("last activity").withValue("activity")).withId("sort-by"),
                                        a("Class report (CSV)").withId("class-report").withHref("#"),
                                        button("Projector").withId("projector-open")
                                                .attr("title", "Full screen for the projector: the spotlit run, a comparison or the whole class"),
                                        button("Compare").withId("compare").attr("disabled", "")
                                                .attr("title", "Pick 2 to 4 students with their cards' Compare buttons"),
                                        button("Close the class").withId("close-room").withClass("danger")),
                                div().withClass("notice").with(
                                        input().withId("notice-text").withType("text").attr("maxlength", "200")
                                                .attr("placeholder", "A short message to every student"),
                                        button("Send").withId("send-notice"))),
                        main().withId("dash-main").with(
                                section().withId("student-grid").attr("aria-label", "Students"),
                                aside().withId("leaderboard-panel").with(
                                        // dashboard.js names what it ranks by (test loss, or an image run's test accuracy)
                                        h2("Leaderboard").withId("leaderboard-title"),
                                        p("Each student's best run since the exercise was pushed or the last "
                                                + "\"Reset all\" (ties: fewer parameters, then earlier).").withId("leaderboard-hint").withClass("hint"),
                                        ol().withId("leaderboard"))),
                        ProjectorSection.html(),
                        div().withId("dash-toasts").attr("aria-live", "polite"),
                        script().withType("module").withSrc("/web/js/dashboard.js"))
        ).attr("lang", "en"));
    }
}
