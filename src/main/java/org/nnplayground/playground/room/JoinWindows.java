package org.nnplayground.playground.room;

/**
 * Joins a minute whose student has not connected yet, per address and per room: a real student
 * connects within a second of joining, which takes their join back, so a class behind one address
 * joins freely while fake joins stop at {@link RoomLimits#UNCONNECTED_JOINS_PER_ADDRESS} and
 * {@link RoomLimits#UNCONNECTED_JOINS_PER_ROOM}.
 */
final class JoinWindows {
    private final AddressWindow byAddress = new AddressWindow(60_000);
    private final AddressWindow byRoom = new AddressWindow(60_000);

    /** Throws when {@code address} or room {@code code} has had its unconnected joins this minute. */
    void check(String address, String code, long now) {
        if (byAddress.full(address, RoomLimits.UNCONNECTED_JOINS_PER_ADDRESS, now)) {
            throw new RoomException(RoomException.Kind.TOO_MANY_TRIES, "too many students joined from your address without opening "
                    + "the class; wait a minute and try again");
        }
        if (byRoom.full(code, RoomLimits.UNCONNECTED_JOINS_PER_ROOM, now)) {
            throw new RoomException(RoomException.Kind.TOO_MANY_TRIES, "too many students are joining this class at once; "
                    + "wait a minute and try again");
        }
    }

    void joined(String address, String code, long when) {
        byAddress.add(address, when);
        byRoom.add(code, when);
    }

    /** The student who joined at {@code when} connected: a real student, their join no longer counts. */
    void connected(String address, String code, long when) {
        byAddress.forgive(address, when);
        byRoom.forgive(code, when);
    }

    void forgetOld(long now) {
        byAddress.forgetOld(now);
        byRoom.forgetOld(now);
    }
}
