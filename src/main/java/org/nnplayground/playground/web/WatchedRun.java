package org.nnplayground.playground.web;

import org.nnplayground.playground.room.Room;
import org.nnplayground.playground.session.Session;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A teacher socket's read-only view of one student's run (a card opened, the spotlight, a compared
 * run): the session here, or a relay from the replica that holds it ({@link RemoteWatch}); when the
 * run moves (a failover, a reconnect) or its server stops, the view finds it again where it trains.
 */
final class WatchedRun {
    /** How long the view waits before looking again for a run it lost (its server stopped). */
    static final long FOLLOW_RETRY_MILLIS = 1000;
    /** ... and after hearing the run moved (this copy of the room takes the same event meanwhile). */
    static final long FOLLOW_EVENT_MILLIS = 200;

    private final Connection connection;
    private final Room room;
    /** The teacher's key as given on this socket (a run on another replica is watched through it). */
    private final String teacherKey;
    /** The other replicas, to watch a run that trains on one of them (null: this server alone). */
    private final ReplicaLinks replicas;
    /** The student whose run is watched (null: none), and where: a session here or a relay from another replica. Guarded by this. */
    private String studentId;
    private Session session;
    private RemoteWatch relay;

    WatchedRun(Connection connection, Room room, String teacherKey, ReplicaLinks replicas) {
        this.connection = connection;
        this.room = room;
        this.teacherKey = teacherKey;
        this.replicas = replicas;
    }

    /** Watches {@code id}'s run (null: none): {@code watching}, then what the run sends. */
    void watch(String id) {
        stop();
        if (id == null) return;
        Room.Watched where = room.watch(id);
        synchronized (this) {
            studentId = id;
            connection.send(new ServerMessage.Watching(id, room.displayName(id)));
            show(where);
        }
    }

    /** Stops watching (the socket closed, or another student is picked). */
    synchronized void stop() {
        studentId = null;
        letGo();
    }

    /** True while the view takes frames from a session here (its page must keep acknowledging them). */
    synchronized boolean watchesHere() { return session != null; }

    /** The student's run moved to another server: the view follows it. */
    void moved(String id) {
        synchronized (this) {
            if (!id.equals(studentId)) return;
        }
        followLater(id, FOLLOW_EVENT_MILLIS);
    }

    /** Stops receiving the watched run (here or relayed), not the choice of student. Holding this. */
    private void letGo() {
        if (session != null) session.removeViewer(connection);
        session = null;
        if (relay != null) relay.close();
        relay = null;
    }

    /**
     * Shows the teacher the run where it trains: a session here (its curve so far, then it sends its
     * description and frames to the viewer), or a relay from the replica that holds it. Holding this.
     */
    private void show(Room.Watched where) {
        String id = studentId;
        if (where.session() != null) {
            Session s = where.session();
            session = s;
            connection.attach(s);
            var chart = room.chartOf(id);
            if (chart.epochs().length > 0) connection.send(new ServerMessage.Chart(chart.epochs(), chart.train(), chart.test()));
            s.addViewer(connection);
            return;
        }
        connection.attach(null); // the frames' acks are this server's business, not a session's here
        String address = replicas == null ? null : replicas.address(where.replica());
        if (address == null) {
            followLater(id, FOLLOW_RETRY_MILLIS); // its server is gone: the student's run comes back elsewhere soon
            return;
        }
        RemoteWatch[] opened = new RemoteWatch[1];
        opened[0] = RemoteWatch.open(replicas.http(), replicas.timer(), address, room.code(), teacherKey, id, connection, () -> {
            synchronized (this) {
                if (relay != opened[0]) return;
                relay = null;
            }
            followLater(id, FOLLOW_RETRY_MILLIS);
        });
        relay = opened[0];
    }

    /**
     * Looks again, after {@code delayMillis}, where the run {@code id} trains and shows it there, as
     * long as this view still watches it; a run not found yet is looked for again.
     */
    private void followLater(String id, long delayMillis) {
        if (replicas == null) return;
        try {
            replicas.timer().schedule(() -> follow(id), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // the server is stopping
        }
    }

    private void follow(String id) {
        if (!connection.socket().isOpen() || room.closed()) return;
        Room.Watched where;
        try {
            where = room.watch(id);
        } catch (RuntimeException notNow) {
            synchronized (this) {
                if (!id.equals(studentId)) return;
            }
            followLater(id, FOLLOW_RETRY_MILLIS); // between servers, or the room is being read again
            return;
        }
        synchronized (this) {
            if (!id.equals(studentId)) return;
            if (where.session() != null && where.session() == session) return; // already here
            letGo();
            show(where);
        }
    }
}
