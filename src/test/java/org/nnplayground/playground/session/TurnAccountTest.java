package org.nnplayground.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TurnAccountTest {
    private final TurnAccount account = new TurnAccount(null);

    @Test
    void onlyTheFirstWakeOfAnIdleSessionQueuesATurnAndWakesDuringATurnEarnAnother() {
        assertTrue(account.wake());
        assertFalse(account.wake(), "a session is queued at most once");
        int seen = account.wakesSeen();
        assertFalse(account.wake(), "woken during its turn");
        assertTrue(account.endTurn(seen, false), "the wake during the turn earns another turn");
        seen = account.wakesSeen();
        assertFalse(account.endTurn(seen, false), "nothing came in: idle");
        assertTrue(account.wake(), "idle again: the next wake queues a turn");
    }

    @Test
    void aSessionThatWantsAnotherTurnIsNeverIdleOnTheWayToTheQueue() {
        assertTrue(account.wake());
        int seen = account.wakesSeen();
        // the scheduler queues it again itself: a wake-up now must not queue a second turn, which
        // would run beside the first on the other trainer thread (settling first, then requeuing, let it)
        assertTrue(account.endTurn(seen, true));
        assertFalse(account.wake(), "one turn queued: the wake-up only counts");
        // the queued turn starts after that wake-up, so it serves it
        assertFalse(account.endTurn(account.wakesSeen(), false), "then idle");
        assertTrue(account.wake(), "idle: the next wake queues a turn");
    }

    @Test
    void debtWaitsBankedCreditIsCappedAtOneQuantumAndDebtAtTheLimit() {
        assertTrue(account.earn(100));
        assertTrue(account.earn(100));
        assertEquals(100, account.budget(), "at most one quantum banked");
        account.spend(250, 100);
        assertFalse(account.earn(100), "in debt: -50 after earning");
        assertTrue(account.earn(100), "paid back: 50");
        account.spend(10 * TurnAccount.MAX_DEBT_NANOS, TurnAccount.MAX_DEBT_NANOS);
        assertEquals(-TurnAccount.MAX_DEBT_NANOS, account.budget(), 1e-9, "a JVM pause cannot lock a session out for long");
    }

    /** Passes through a contended queue that the session gives away before it may run again (deficit round robin as SessionScheduler runs it). */
    private static int passesWaited(TurnAccount a, double quantum) {
        int passes = 0;
        while (!a.earn(1.25 * quantum)) passes++;
        return passes;
    }

    @Test
    void aLightSessionWhoseOneTurnRanColdCodeWaitsAFewPassesNotHundreds() {
        double quantum = 300_000;
        for (int i = 0; i < 20; i++) {
            passesWaited(account, quantum);
            account.spend(300_000, quantum); // its usual turns: a frame and an epoch
        }
        // its first settings change ran cold code (classes loaded, a JSON serializer built): 100 ms
        passesWaited(account, quantum);
        account.spend(100_000_000, quantum);
        // owed in full (the limit was 1 s) it gave away 266 turns: at 400 students, two trainer
        // threads and 0.3 ms a turn, one pass takes 60 ms, so no frame for 16 s
        int waited = passesWaited(account, quantum);
        assertTrue(waited <= 4, "waited " + waited + " passes");
        assertTrue(waited >= 1, "the costly turn is still paid for");
    }

    @Test
    void aSessionWhoseTurnsAreAllCostlyStillOwesEachInFull() {
        double quantum = 300_000;
        for (int i = 0; i < 10; i++) {
            passesWaited(account, quantum);
            account.spend(20_000_000, quantum);
        }
        for (int turn = 0; turn < 5; turn++) {
            int waited = passesWaited(account, quantum);
            // 20 ms a turn against 0.375 ms earned a pass: 53 passes, so it gets about 1/54 of the turns
            assertTrue(waited >= 52 && waited <= 54, "waited " + waited + " passes");
            account.spend(20_000_000, quantum);
        }
    }

    @Test
    void aRunIsHeavyFromItsSecondHeavyEpochAndANewRunStartsLight() {
        long heavy = TurnAccount.HEAVY_EPOCH_NANOS + 1;
        assertTrue(account.light(1));
        account.epochTook(1, TurnAccount.HEAVY_EPOCH_NANOS);
        assertTrue(account.light(1), "at the limit is not heavy");
        account.epochTook(1, heavy);
        assertFalse(account.light(1));
        assertFalse(account.heavy(1), "the first heavy epoch may be a cold JIT");
        assertTrue(account.measuresEpochs(1));
        account.epochTook(1, heavy);
        assertTrue(account.heavy(1));
        assertFalse(account.measuresEpochs(1), "two are enough to know");
        assertFalse(account.heavy(2), "a new run starts light");
        assertTrue(account.light(2));
    }

    @Test
    void onePacedFramePerSchedulerTick() {
        assertTrue(account.frameDue(0));
        account.frameSent(5);
        assertFalse(account.frameDue(5));
        assertTrue(account.frameDue(6));
    }

    @Test
    void aFloodingSessionIsChargedSeveralTimesItsCostUntilItStopsForAWhile() {
        account.turnDone(true, 1000);
        long now = 5_000_000_000L;
        assertEquals(1000, account.charge(now), "never flooded: its CPU time");
        account.flooding(now);
        assertEquals(TurnAccount.FLOOD_CHARGE * 1000L, account.charge(now + 1), "flooding");
        assertEquals(TurnAccount.FLOOD_CHARGE * 1000L, account.charge(now + TurnAccount.FLOOD_NANOS - 1), "still within the while");
        assertEquals(1000, account.charge(now + TurnAccount.FLOOD_NANOS), "stopped long enough");
        account.flooding(now + TurnAccount.FLOOD_NANOS + 5);
        assertEquals(TurnAccount.FLOOD_CHARGE * 1000L, account.charge(now + TurnAccount.FLOOD_NANOS + 6), "flooding again");
    }

    @Test
    void remembersWhatTheLastTurnDidAndCost() {
        account.turnDone(true, 1234);
        assertTrue(account.worked());
        assertEquals(1234, account.cpuNanos());
        account.turnDone(false, 5);
        assertFalse(account.worked());
    }
}
