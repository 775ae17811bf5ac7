package org.nnplayground.playground.room;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a room copy shows of a student whose run is on another server, and which cards it takes. */
class RemoteCardsTest {
    static RoomEvent.RemoteCard card(String state, int epoch, String link) {
        return new RoomEvent.RemoteCard("s1", epoch, 0.4, 0.5, 0.8, 0.7, "regression", state, 21, 1000, new byte[100], 1,
                0.45, 21, epoch, 2000, link);
    }

    @Test
    void aCardShowsItsStateUntilItsServerFallsSilentThenAway() {
        Student s = new Student("s1", "hash", "Ann", 4, 0);
        RemoteCards.heard(s, "b", card("playing", 120, "dataset=xor"), 10_000);
        assertTrue(RemoteCards.remote(s, "a"), "no session here, held by b");
        assertFalse(RemoteCards.remote(s, "b"));
        RemoteCards.age(s, 15_000, 0);
        Card shown = RemoteCards.card(s, "Student 4", null);
        assertEquals("playing", shown.state());
        assertEquals(120, shown.epoch());
        assertEquals("Student 4", shown.name());
        long before = RemoteCards.version(s);
        RemoteCards.age(s, 10_000 + RemoteCards.STALE_MILLIS + 1, 0);
        assertEquals("away", RemoteCards.state(s));
        assertTrue(RemoteCards.version(s) != before, "the dashboards resend the card when it goes away");
        // a student whose last card said left stays left
        RemoteCards.heard(s, "b", card("left", 120, null), 20_000);
        RemoteCards.age(s, 30_000, 0);
        assertEquals("left", RemoteCards.state(s));
    }

    @Test
    void aCardKeepsItsStateWhileThisServerCannotHearTheOthersAndGoesAwayOnlyAfterHearingAgainForLong() {
        Student s = new Student("s1", "hash", "Ann", 4, 0);
        RemoteCards.heard(s, "b", card("playing", 120, null), 10_000);
        RemoteCards.age(s, 60_000, Long.MAX_VALUE);  // the database is down: nobody's cards arrive
        assertEquals("playing", RemoteCards.state(s), "an outage does not make a training student away");
        RemoteCards.age(s, 62_000, 60_000);  // heard again for 2 s: b's next summary may still be coming
        assertEquals("playing", RemoteCards.state(s));
        RemoteCards.age(s, 60_000 + RemoteCards.STALE_MILLIS + 1, 60_000);  // b could have spoken and did not
        assertEquals("away", RemoteCards.state(s));
        Student never = new Student("s2", "hash2", "Bo", 5, 0);
        RemoteCards.age(never, 60_000, Long.MAX_VALUE);
        assertEquals("away", RemoteCards.state(never), "no card ever heard");
    }

    @Test
    void theReportAndLeaderboardUseTheRemoteFiguresAndTheLastLinkSent() {
        Student s = new Student("s1", "hash", "Ann", 4, 0);
        assertNull(RemoteCards.entry(s, "Ann"), "no entry before the first card");
        assertEquals("away", RemoteCards.row(s).state());
        RemoteCards.heard(s, "b", card("paused", 300, "dataset=reg-plane"), 1000);
        RemoteCards.heard(s, "b", card("paused", 310, null), 1500);  // the link only when it changes
        ClassReport.Row row = RemoteCards.row(s);
        assertEquals("dataset=reg-plane", row.link());
        assertEquals(310, row.epochs());
        assertEquals("r2", row.metric());
        Leaderboard.Entry e = RemoteCards.entry(s, "Ann");
        assertNotNull(e);
        assertEquals(0.45, e.lossTest());
        assertEquals(21, e.parameters());
    }

    @Test
    void aLateCardFromTheServerTheyLeftIsNotTaken() {
        Student s = new Student("s1", "hash", "Ann", 4, 0);
        assertTrue(RemoteCards.speaksFor(s, "b", 1000), "nobody holds them yet");
        RemoteCards.heard(s, "b", card("playing", 10, null), 1000);
        s.owner = "c";  // attached on c
        assertFalse(RemoteCards.speaksFor(s, "b", 1200), "b's late card");
        assertTrue(RemoteCards.speaksFor(s, "c", 1200));
        assertTrue(RemoteCards.speaksFor(s, "b", 1000 + RemoteCards.STALE_MILLIS + 1), "c fell silent: this copy may have missed a move");
    }

    @Test
    void aServerSendsACardOnlyWhenItChangedAndItsLinkOnlyWhenNew() {
        Student s = new Student("s1", "hash", "Ann", 4, 0);
        RoomEvent.RemoteCard first = RemoteCards.summary(s, false);
        assertNotNull(first);
        assertNull(RemoteCards.summary(s, false), "nothing changed");
        s.metaVersion++;
        assertNotNull(RemoteCards.summary(s, false), "away, back or left changes the card");
        assertNotNull(RemoteCards.summary(s, true), "every card every few seconds");
    }

    @Test
    void aBoundaryCrossesOnlyWhenItChangedAndTheSameGridHeardAgainIsNotNew() {
        Student s = new Student("s1", "hash", "Ann", 4, 0);
        org.nnplayground.playground.session.Boundary b = new org.nnplayground.playground.session.Boundary(40, false, new byte[1600]);
        b.grid()[7] = 99;
        RoomEvent.RemoteCard withIt = new RoomEvent.RemoteCard("s1", 5, 0.4, 0.5, 0.8, 0.7, "classification", "playing", 21, 1000,
                new byte[100], 1, 0.45, 21, 5, 2000, null, null, null, b);
        RemoteCards.heard(s, "b", withIt, 1000);
        assertEquals(b, RemoteCards.boundary(s));
        // the 3-s summary of every card repeats it, as a copy: the dashboards keep the one they had
        org.nnplayground.playground.session.Boundary copy = new org.nnplayground.playground.session.Boundary(40, false, b.grid().clone());
        RemoteCards.heard(s, "b", new RoomEvent.RemoteCard("s1", 6, 0.4, 0.5, 0.8, 0.7, "classification", "playing", 21, 1000,
                new byte[100], 1, 0.45, 21, 6, 2000, null, null, null, copy), 2000);
        assertTrue(RemoteCards.boundary(s) == b, "the same picture is not sent to the dashboards again");
        // a card without one keeps the last
        RemoteCards.heard(s, "b", card("playing", 7, null), 3000);
        assertTrue(RemoteCards.boundary(s) == b);
        assertEquals(b, RemoteCards.card(s, "Ann", RemoteCards.boundary(s)).boundary());
    }
}
