package org.nnplayground.playground.room;

import org.nnplayground.playground.session.Boundary;
import org.nnplayground.playground.session.SessionSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A room's students whose runs live on other servers (docs/architecture.md, "Several servers"):
 * what this copy shows of them (card, report row, leaderboard entry) from the summaries their
 * server sends, and the summary this server sends the others about its own students. Called
 * under the room's lock.
 */
final class RemoteCards {
    /** A remote card older than this shows the student away (their server sends every card every 3 s). */
    static final long STALE_MILLIS = 6000;

    private RemoteCards() {}

    /** True when {@code s}'s run is on another server than {@code me}: their card comes from its summaries. */
    static boolean remote(Student s, String me) { return s.owner != null && !s.owner.equals(me) && (s.left || s.session == null); }

    /**
     * True when a card from {@code replica} speaks for the student: it holds their run as far as this
     * copy knows, or nobody does, or the server that did has been silent too long (this copy may
     * have missed an {@code attached}). A late card from a server they just left is not.
     */
    static boolean speaksFor(Student s, String replica, long now) {
        return s.owner == null || s.owner.equals(replica) || now - s.remoteSeenMillis > STALE_MILLIS;
    }

    /** A card from {@code replica}, the server holding the student's run now. */
    static void heard(Student s, String replica, RoomEvent.RemoteCard card, long now) {
        s.owner = replica;
        s.remote = card;
        if (card.link() != null) s.remoteLink = card.link();
        if (card.boundary() != null && !same(card.boundary(), s.remoteBoundary)) s.remoteBoundary = card.boundary();
        s.remoteSeenMillis = now;
        s.remoteVersion++;
    }

    /**
     * Marks the card stale (away) when its server has been silent too long while this one could hear
     * it ({@code hearingSince}: see {@link RoomEvents#hearingSinceMillis}); the dashboards resend it on
     * a change. A database outage silences every other server at once: their students' cards keep
     * their last state rather than all reading away while those students train.
     */
    static void age(Student s, long now, long hearingSince) {
        boolean stale = s.remote == null || now - s.remoteSeenMillis > STALE_MILLIS && now - hearingSince > STALE_MILLIS;
        if (stale != s.remoteStale) {
            s.remoteStale = stale;
            s.metaVersion++;
        }
    }

    static long version(Student s) { return s.remoteVersion * 1024 + s.metaVersion; }

    static String state(Student s) {
        RoomEvent.RemoteCard r = s.remote;
        if (r == null) return "away";
        if (s.remoteStale) return r.state().equals("left") ? "left" : "away";
        return r.state();
    }

    /** The same picture (a summary of every card repeats a boundary that did not change: the dashboards need it only once). */
    private static boolean same(Boundary a, Boundary b) {
        return b != null && a.size() == b.size() && a.classes() == b.classes() && Arrays.equals(a.grid(), b.grid());
    }

    /** The class view's picture of their run as their server last sent it ({@link Boundary#NONE}: none). */
    static Boundary boundary(Student s) { return s.remoteBoundary; }

    /** Their card, with {@code boundary} (null: the dashboard has it already). */
    static Card card(Student s, String shownName, Boundary boundary) {
        RoomEvent.RemoteCard r = s.remote;
        if (r == null) {
            return new Card(s.id, s.number, shownName, 0, Double.NaN, Double.NaN, Double.NaN, "classification", state(s), 0, 0,
                    new byte[0], 0, null, boundary);
        }
        return new Card(s.id, s.number, shownName, r.epoch(), r.lossTrain(), r.lossTest(), r.metricTest(), r.problem(), state(s),
                r.parameters(), r.lastActivityMillis(), r.thumbs(), r.thumbCount(), r.mistakes(), boundary);
    }

    static ClassReport.Row row(Student s) {
        RoomEvent.RemoteCard r = s.remote;
        String link = s.remoteLink != null ? s.remoteLink : s.lastLink() == null ? "" : s.lastLink();
        if (r == null) return new ClassReport.Row(s.name, link, 0, Double.NaN, Double.NaN, "accuracy", Double.NaN, Double.NaN, state(s));
        return new ClassReport.Row(s.name, link, r.epoch(), r.lossTrain(), r.lossTest(), r.problem().equals("regression") ? "r2" : "accuracy",
                r.metricTrain(), r.metricTest(), state(s));
    }

    /** Their leaderboard entry, or null before their first card. */
    static Leaderboard.Entry entry(Student s, String shownName) {
        RoomEvent.RemoteCard r = s.remote;
        return r == null ? null : new Leaderboard.Entry(s.id, shownName, r.bestLossTest(), r.bestParameters(), r.bestEpoch(), r.bestMillis(),
                r.bestAccuracyTest());
    }

    /**
     * The cards of the students whose sessions this server ({@code me}) holds, for the other
     * servers: those that changed since the last call ({@code all}: every one, with its link, as
     * long as one of them still has a session here).
     */
    static List<RoomEvent.RemoteCard> ownCards(Collection<Student> students, String me, boolean all) {
        boolean live = false;
        for (Student s : students) if (me.equals(s.owner) && s.session != null && !s.left) live = true;
        List<RoomEvent.RemoteCard> out = new ArrayList<>();
        for (Student s : students) {
            if (!me.equals(s.owner)) continue;
            RoomEvent.RemoteCard card = summary(s, all && live);
            if (card != null) out.add(card);
        }
        return out;
    }

    /**
     * The summary of one of this server's students for the others, or null when nothing changed
     * since the last one ({@code all}: send it anyway, with its link and boundary; else the boundary
     * only when the session drew a new one).
     */
    static RoomEvent.RemoteCard summary(Student s, boolean all) {
        if (s.publishedNothingHere()) return null; // the others keep the card they have
        long version = s.cardVersion();
        if (!all && version == s.publishedVersion) return null;
        SessionSummary m = s.summary();
        String link = m.settings() != null ? m.link() : s.lastLink();
        boolean newLink = all || !Objects.equals(link, s.publishedLink);
        boolean newBoundary = all || m.boundary() != s.publishedBoundary;
        s.publishedVersion = version;
        s.publishedLink = link;
        s.publishedBoundary = m.boundary();
        return new RoomEvent.RemoteCard(s.id, m.epoch(), m.lossTrain(), m.lossTest(), m.metricTrain(), m.metricTest(), m.problem(),
                s.stateKey(m), m.parameterCount(), m.lastActivityMillis(), m.thumbs(), m.thumbCount(), s.bestLossTest,
                s.bestParameters, s.bestEpoch, s.bestMillis, newLink ? link : null, s.bestAccuracy(), m.mistakes(),
                newBoundary ? m.boundary() : null);
    }
}
