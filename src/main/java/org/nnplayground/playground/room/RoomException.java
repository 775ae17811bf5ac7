package org.nnplayground.playground.room;

/** A refused room request, with a message for people and a kind the web layer maps to a status. */
public final class RoomException extends RuntimeException {
    /**
     * Why: the web layer answers 404, 403, 409, 429, 400, 503 (the shared database cannot answer
     * now) or 410 (the class has ended: the teacher closed it).
     */
    public enum Kind { NOT_FOUND, FORBIDDEN, FULL, TOO_MANY_TRIES, BAD_REQUEST, UNAVAILABLE, ENDED }

    /** What the teacher's dashboard and report routes say of a class that has ended. */
    public static final String CLASS_ENDED = "This class has ended";

    private final Kind kind;

    public RoomException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() { return kind; }

    static RoomException forbidden() {
        return new RoomException(Kind.FORBIDDEN, "only the teacher can do that (the teacher key is missing or wrong)");
    }
}
