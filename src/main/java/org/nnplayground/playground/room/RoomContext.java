package org.nnplayground.playground.room;

import org.nnplayground.playground.session.SessionRegistry;

/** What every room of a server shares: the session registry, the event carrier, the store, the limits and this replica. */
record RoomContext(SessionRegistry sessions, RoomEvents events, RoomStore store, RoomLimits limits, Replica replica) {}
