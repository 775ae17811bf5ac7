package org.nnplayground.playground.room;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What this server's copy of a room does with roster changes it did not make (docs/architecture.md,
 * "Several servers"): students who joined or left elsewhere, a student whose page connected to
 * another server (that one holds their run now), the cards other servers send of their students,
 * and the stored roster read back (a restart, a new copy, or catching up after missed events).
 * Every step is idempotent, so the server where a change happened, which made it already, stays
 * the same. Guarded by the room's lock: the room calls every method holding it.
 */
final class RosterSync {
    private final Roster roster;
    private final StudentSessions sessions;
    private final DashboardFeed dashboards;
    /** This replica's name. */
    private final String me;
    /** Takes a student off this copy (their session here freed, their card gone, the spotlight off them). */
    private final Consumer<Student> drop;
    /** Remembers that the teacher removed a student (they may not come back). */
    private final Consumer<Student> banned;

    RosterSync(Roster roster, StudentSessions sessions, DashboardFeed dashboards, String me, Consumer<Student> drop, Consumer<Student> banned) {
        this.roster = roster;
        this.sessions = sessions;
        this.dashboards = dashboards;
        this.me = me;
        this.drop = drop;
        this.banned = banned;
    }

    /** Applies {@code event} when it changes the roster or a student's card (other events are the room's). */
    void apply(RoomEvent event) {
        if (event instanceof RoomEvent.Removed r) {
            Student s = roster.remove(r.studentId());
            if (s != null) {
                banned.accept(s);
                drop.accept(s);
            }
        } else if (event instanceof RoomEvent.StudentLeft l) {
            Student s = roster.remove(l.studentId());
            if (s != null) drop.accept(s);
        } else if (event instanceof RoomEvent.StudentJoined j) {
            if (roster.addAway(j.studentId(), j.token(), j.name(), j.number(), j.joinedMillis(), j.link())) dashboards.roomChanged();
        } else if (event instanceof RoomEvent.Attached a) {
            if (!a.replica().equals(me)) attachedElsewhere(a);
        } else if (event instanceof RoomEvent.Cards c) {
            if (!c.replica().equals(me)) heard(c);
        }
    }

    /**
     * Puts stored students on the roster (those not on it yet), "left" until a card or their own
     * socket says otherwise.
     */
    void addStored(List<RoomStore.StudentRecord> stored) {
        for (RoomStore.StudentRecord sr : stored) {
            if (roster.addAway(sr.id(), sr.token(), sr.name(), sr.number(), sr.joinedMillis(), sr.link())) dashboards.roomChanged();
        }
    }

    /** Takes off the students the stored roster no longer has (they left or were removed while events were missed). */
    void dropMissing(List<RoomStore.StudentRecord> stored) {
        Set<String> ids = new HashSet<>();
        for (RoomStore.StudentRecord r : stored) ids.add(r.id());
        for (Student s : roster.removeAllBut(ids)) drop.accept(s);
    }

    /**
     * They reconnected to another server: it holds their run now, this copy only shows their card,
     * the one it showed of them until that server sends its first (not an empty epoch 0).
     */
    private void attachedElsewhere(RoomEvent.Attached a) {
        Student s = roster.get(a.studentId());
        if (s == null) return;
        if (s.session != null && !s.left) {
            RoomEvent.RemoteCard lastHere = RemoteCards.summary(s, true);
            sessions.free(s);
            if (lastHere != null) RemoteCards.heard(s, a.replica(), lastHere, System.currentTimeMillis());
        }
        s.link.attach(null);
        s.left = false;
        s.owner = a.replica();
        s.metaVersion++;
    }

    private void heard(RoomEvent.Cards c) {
        long now = System.currentTimeMillis();
        for (RoomEvent.RemoteCard card : c.cards()) {
            Student s = roster.get(card.id());
            // a late card from the server a student just left: this one holds their run
            if (s != null && (s.session == null || s.left) && RemoteCards.speaksFor(s, c.replica(), now)) {
                RemoteCards.heard(s, c.replica(), card, now);
            }
        }
    }
}
