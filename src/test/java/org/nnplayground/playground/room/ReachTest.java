package org.nnplayground.playground.room;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the teacher is told an action for every student reached. */
class ReachTest {
    @Test
    void studentsOnAnotherServerWaitWhileTheDatabaseIsDown() {
        Reach r = Reach.of("pauseAll", 5, 2, 0, false);
        assertEquals(7, r.students());
        assertEquals(5, r.reached());
        assertEquals(2, r.waiting());
        assertEquals("paused 5 of 7; 2 on another server will pause when the shared database answers again", r.text());
    }

    @Test
    void studentsOnAnotherServerAreReachedWhileTheEventsFlowAndThoseWithoutASocketAreNamed() {
        Reach r = Reach.of("notice", 3, 2, 1, true);
        assertEquals(6, r.students());
        assertEquals(5, r.reached());
        assertEquals(0, r.waiting());
        assertEquals("told 5 of 6 (2 on another server); 1 not connected", r.text());
        assertEquals("resumed 4 of 4", Reach.of("resumeAll", 4, 0, 0, false).text(), "no other server: nobody waits");
    }
}
