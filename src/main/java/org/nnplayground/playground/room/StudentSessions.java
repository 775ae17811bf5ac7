package org.nnplayground.playground.room;

import org.nnplayground.playground.session.CheckpointSchedule;
import org.nnplayground.playground.session.Checkpoints;
import org.nnplayground.playground.session.Checkpoints.Checkpoint;
import org.nnplayground.playground.session.SessionListener;
import org.nnplayground.playground.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.nnplayground.playground.session.SessionState;


/**
 * The life of a room student's session on this server: opened when they join (on the exercise),
 * opened again when they come back to a server that has none for them (from their checkpoint,
 * else a fresh run of their last link), paused while they are away, freed after the grace period
 * or when they leave. A session opened here checkpoints itself so another replica (or this one,
 * restarted) can take the student over.
 * Locking: {@link #open}, {@link #reopen}, {@link #detach}, {@link #freeAfterGrace} and {@link #free}
 * are called under the room's lock (they only touch the student and the session registry, both
 * quick); {@link #savedRun} and {@link #forgetRun} reach the database and are called outside it.
 */
final class StudentSessions {
    private static final Logger LOG = LoggerFactory.getLogger(StudentSessions.class);

    private final RoomContext context;

    StudentSessions(RoomContext context) { this.context = context; }

    /** Opens the student's session on {@code link} (null or blank: the playground's defaults). */
    void open(Student s, String link) {
        openEmpty(s);
        s.session.load(link == null ? "" : link);
    }

    /**
     * Opens the student's session here again: from {@code saved}, their checkpoint, when there is
     * one, else their last link (the one their replica last sent, or this server's, or the exercise).
     */
    Room.Resumed reopen(Student s, Checkpoint saved, String exerciseLink) {
        if (saved != null) {
            openEmpty(s);
            s.session.restore(saved.snapshot());
            return new Room.Resumed(saved.snapshot().epoch(), saved.lostSeconds(context.replica().checkpointEvery()), saved.ageSeconds(), "checkpoint");
        }
        open(s, s.remoteLink != null ? s.remoteLink : s.lastLink() == null ? exerciseLink : s.lastLink());
        return new Room.Resumed(0, null, null, "link");
    }

    /**
     * The student's socket closed: their session pauses and waits for them ({@link RoomLimits#grace()}).
     * False when {@code socket} was no longer theirs (a newer tab took over): nothing changes.
     */
    boolean detach(Student s, SessionListener socket) {
        if (!s.link.detach(socket)) return false;
        s.awaySince = System.currentTimeMillis();
        s.metaVersion++;
        s.playOnReturn = s.session != null && s.summary().state() == SessionState.PLAYING;
        if (s.session != null) s.session.pause();
        if (s.summary().settings() != null) s.lastSettings = s.summary().settings();
        return true;
    }

    /** Frees the session of a student away past the grace period: their card stays, marked left. */
    void freeAfterGrace(Student s, long now) {
        if (!s.left && s.awaySince != 0 && now - s.awaySince > context.limits().grace().toMillis()) {
            free(s);
            s.left = true;
            s.leftSince = now;
            s.metaVersion++;
        }
    }

    /** Frees the student's session on this server, if it has one. */
    void free(Student s) {
        if (s.session != null && !s.left) context.sessions().close(s.address, s.session);
        s.session = null;
    }

    /** The student's checkpoint, or null (none, or the database did not answer: they get a fresh run of their last link). */
    Checkpoint savedRun(String studentId) {
        Checkpoints checkpoints = context.replica().checkpoints();
        if (checkpoints == null) return null;
        try {
            return checkpoints.load(Checkpoints.studentKey(studentId)).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("could not read a student's checkpoint; they get a fresh run of their last link: " + e.getMessage());
            return null;
        }
    }

    /** The student's checkpointed run is of no use any more (they left, were removed, the class closed). */
    void forgetRun(String studentId) {
        Checkpoints checkpoints = context.replica().checkpoints();
        if (checkpoints == null) return;
        try {
            checkpoints.delete(Checkpoints.studentKey(studentId));
        } catch (RuntimeException e) {
            LOG.warn("could not delete a student's checkpoint: " + e.getMessage());
        }
    }

    /** Opens the student's session with no run yet (a checkpoint is restored into it next). */
    private void openEmpty(Student s) {
        try {
            s.session = context.sessions().open(s.address, s.link);
        } catch (SessionRegistry.LimitException full) {
            throw new RoomException(RoomException.Kind.FULL, full.getMessage());
        }
        Checkpoints checkpoints = context.replica().checkpoints();
        if (checkpoints != null) {
            // the run checkpoints itself from now on, so another replica (or this one restarted) can take the student over
            s.session.checkpointTo(new CheckpointSchedule(checkpoints, Checkpoints.studentKey(s.id), context.replica().checkpointEvery()));
        }
    }
}
