package org.nnplayground.playground.room;

/**
 * Whom a teacher action reached when the teacher is answered (docs/protocol.md, {@code done}): the
 * class's students (not those who left), those whose runs this server holds (they have it now),
 * those on other servers (they have it within a moment, or, while the shared database does not
 * answer, when it does: {@code waiting}), and those with no socket at the moment.
 */
public record Reach(int students, int reached, int otherServers, int waiting, int notConnected, String text) {

    /** Counts the roster and words the answer for {@code action} (the wire name of the teacher's message). */
    static Reach of(String action, int here, int otherServers, int notConnected, boolean othersHearNow) {
        int students = here + otherServers + notConnected;
        int waiting = othersHearNow ? 0 : otherServers;
        int reached = here + otherServers - waiting;
        String[] verb = verbs(action);
        StringBuilder t = new StringBuilder(verb[0]).append(' ').append(reached).append(" of ").append(students);
        if (waiting == 0 && otherServers > 0) t.append(" (").append(otherServers).append(" on another server)");
        if (waiting > 0) {
            t.append("; ").append(waiting).append(" on another server will ").append(verb[1])
                    .append(" when the shared database answers again");
        }
        if (notConnected > 0) t.append("; ").append(notConnected).append(" not connected");
        return new Reach(students, reached, otherServers, waiting, notConnected, t.toString());
    }

    /** What the action did, and what the students it has not reached yet will do. */
    private static String[] verbs(String action) {
        return switch (action) {
            case "pauseAll" -> new String[] {"paused", "pause"};
            case "resumeAll" -> new String[] {"resumed", "resume"};
            case "resetAll" -> new String[] {"reset", "reset"};
            case "notice" -> new String[] {"told", "get the message"};
            case "pushExercise" -> new String[] {"sent the exercise to", "get it"};
            default -> new String[] {"reached", "get it"};
        };
    }
}
