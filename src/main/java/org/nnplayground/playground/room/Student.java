package org.nnplayground.playground.room;

import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.session.Boundary;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.SessionSummary;

/**
 * One student of a room: a name, a resume token their browser keeps, and a session that outlives
 * their socket for a grace period. Guarded by the room's lock, except the summary (volatile).
 */
final class Student {
    final String id;
    /** SHA-256 of the resume token (the token itself lives only in the student's browser). */
    final String token;
    /** The token in clear, only between joining and answering the join request. */
    String plainToken;
    final String name;
    /** Join order, 1-based: "Student 3" when names are anonymized. */
    final int number;
    final long joinedMillis;
    final StudentLink link = new StudentLink();
    final ChartLog chart = new ChartLog();
    Session session;
    /** The session told to draw the class view's boundary (null: none is). */
    Session drawsBoundary;
    private SessionSummary last = SessionSummary.EMPTY;
    String address;
    /** When the socket went away (0: connected or never joined a socket yet). */
    long awaySince;
    /** The session was freed after the grace period: the card stays, marked left. */
    boolean left;
    /** When this server marked them left (0: not left here); the card goes {@link RoomLimits#LEFT_CARD_MILLIS} later. */
    long leftSince;
    /** Their run was playing when their socket went: it plays on when they come back (a reload, a lost network). */
    boolean playOnReturn;
    /** Their page has connected at least once (a join never followed by a socket is a fake or a lost tab). */
    boolean connectedOnce;
    /** Grows on every change of what the card shows besides the summary (away, back, left). */
    long metaVersion;
    /**
     * Best test loss for the current exercise, with its parameters and when it was reached; for an image
     * run, best test accuracy (with its loss): a class reads a digits score as accuracy, as the book does.
     */
    double bestLossTest = Double.NaN;
    double bestAccuracyTest = Double.NaN;
    /** The best is an image run's, ranked by accuracy. */
    boolean bestByAccuracy;
    int bestParameters;
    int bestEpoch;
    long bestMillis;
    /** The last settings of this student's run (for the report and to rebuild after the grace period). */
    PlaygroundSettings lastSettings;

    /** The last link of this student's run, or null. */
    String lastLink() { return lastSettings == null ? null : lastSettings.toHash(); }

    Student(String id, String token, String name, int number, long joinedMillis) {
        this.id = id;
        this.token = token;
        this.name = name;
        this.number = number;
        this.joinedMillis = joinedMillis;
    }

    /**
     * The latest summary; after the session was freed (left), the last one it had, and so until a
     * session opened again (its run restored from a checkpoint) publishes its first: never the
     * empty epoch 0 of a run still being restored.
     */
    SessionSummary summary() {
        Session s = session;
        if (s != null) {
            SessionSummary now = s.summary();
            if (now.version() > 0 || last.version() == 0) last = now;
        }
        return last;
    }

    /**
     * Their run was taken over here from another server and has not published its first summary:
     * what they show meanwhile is their last card from that server (not an empty epoch 0).
     */
    boolean restoringHere() { return session != null && remote != null && summary().version() == 0; }

    /**
     * Their session here has published no summary yet: a run taken over from another server
     * ({@link #restoringHere}), or a resume whose copy of the student missed the card of the server
     * they left. Its empty epoch 0 must not replace the card the other servers show.
     */
    boolean publishedNothingHere() { return session != null && (remote != null || !left) && summary().version() == 0; }

    /** What the card shows as the state. */
    String stateKey(SessionSummary s) {
        if (left) return "left";
        if (awaySince != 0 || !link.attached()) return "away";
        return s.state().key();
    }

    long cardVersion() { return summary().version() * 1024 + metaVersion; }

    /** Their name on the dashboards: "Student N" while the room hides names. */
    String shownName(boolean anonymized) { return anonymized ? "Student " + number : name; }

    /** One tick's sample of their run: a point of the curve, and the best score (test loss, or an image run's accuracy) for the current exercise. */
    void sample(long now) {
        SessionSummary m = summary();
        if (m.version() == 0) return;
        lastSettings = m.settings();
        chart.add(m.epoch(), m.lossTrain(), m.lossTest());
        boolean currentExercise = m.builds() > buildsBeforeExercise;
        if (currentExercise && m.image() != bestByAccuracy) { // losses and accuracies do not compare: the new kind starts over
            clearBest();
            bestByAccuracy = m.image();
        }
        boolean better = m.image() ? Double.isFinite(m.metricTest()) && !(bestAccuracyTest >= m.metricTest())
                : Double.isFinite(m.lossTest()) && !(bestLossTest <= m.lossTest());
        if (currentExercise && better) {
            bestLossTest = m.lossTest();
            bestAccuracyTest = m.image() ? m.metricTest() : Double.NaN;
            bestParameters = m.parameterCount();
            bestEpoch = m.epoch();
            bestMillis = now;
        }
    }

    // ---- several servers: a student whose session lives on another replica (docs/architecture.md)

    /** The replica that holds this student's session (null: none known, or this server alone). */
    String owner;
    /** Their card as their replica last sent it (null: none heard yet). */
    RoomEvent.RemoteCard remote;
    /** When that card arrived, and a count of the cards heard (the dashboard resends on change). */
    long remoteSeenMillis;
    long remoteVersion;
    /** Their last card is too old: they show as away. */
    boolean remoteStale;
    /** The last link their replica sent (cards carry it only when it changed). */
    String remoteLink;
    /** The class view's picture of their run as their replica last sent it. */
    Boundary remoteBoundary = Boundary.NONE;
    /** What this server last sent the others about this student (card version, link, boundary). */
    long publishedVersion = -1;
    String publishedLink;
    Boundary publishedBoundary;

    /** Runs of this session before the current exercise arrived: their losses do not count for it. */
    long buildsBeforeExercise = -1;

    /** A new exercise: the best so far no longer counts, nor any run built before it. */
    void forgetBest() {
        buildsBeforeExercise = summary().builds();
        clearBest();
    }

    /** The best test accuracy of an image run for the leaderboard, or null when the best is a test loss. */
    Double bestAccuracy() { return bestByAccuracy && Double.isFinite(bestAccuracyTest) ? bestAccuracyTest : null; }

    private void clearBest() {
        bestLossTest = Double.NaN;
        bestAccuracyTest = Double.NaN;
        bestParameters = 0;
        bestEpoch = 0;
        bestMillis = 0;
    }
}
