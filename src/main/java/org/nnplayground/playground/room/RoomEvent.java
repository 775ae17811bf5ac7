package org.nnplayground.playground.room;

import java.util.Set;

/**
 * What happens in a room, as data: teacher actions travel as events so that every server holding
 * some of the room's students can apply them (see {@link RoomEvents}), and student pages are told.
 */
public sealed interface RoomEvent {
    /** The teacher pushed an exercise: students load it; {@code locked} lists what is turned off. */
    record ExercisePushed(String link, Set<String> locked) implements RoomEvent {}

    record PauseAll() implements RoomEvent {}

    record ResumeAll() implements RoomEvent {}

    record ResetAll() implements RoomEvent {}

    /** A short message from the teacher to every student. */
    record Notice(String text) implements RoomEvent {}

    /** One student's run is on the projector (null: none). */
    record Spotlight(String studentId) implements RoomEvent {}

    /** The teacher removed a student. */
    record Removed(String studentId) implements RoomEvent {}

    /** The room is closed: students go back to their own playground. */
    record Closed() implements RoomEvent {}
}
