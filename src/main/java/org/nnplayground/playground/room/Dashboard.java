package org.nnplayground.playground.room;

/** A teacher's dashboard as the room sees it: it takes an update when it has written the last one. */
public interface Dashboard {
    /** False while the previous update is still being written: the room skips it this tick (latest wins). */
    boolean ready();

    void update(RosterUpdate update);
}
