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
        assertFalse(account.settle(seen), "the wake during the turn earns another turn");
        account.requeued();
        seen = account.wakesSeen();
        assertTrue(account.settle(seen), "nothing came in: idle");
        assertTrue(account.wake(), "idle again: the next wake queues a turn");
    }

    @Test
    void debtWaitsBankedCreditIsCappedAtOneQuantumAndDebtAtTheLimit() {
        assertTrue(account.earn(100));
        assertTrue(account.earn(100));
        assertEquals(100, account.budget(), "at most one quantum banked");
        account.spend(250);
        assertFalse(account.earn(100), "in debt: -50 after earning");
        assertTrue(account.earn(100), "paid back: 50");
        account.spend(10 * TurnAccount.MAX_DEBT_NANOS);
        assertEquals(-TurnAccount.MAX_DEBT_NANOS, account.budget(), 1e-9, "a JVM pause cannot lock a session out for long");
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
    void remembersWhatTheLastTurnDidAndCost() {
        account.turnDone(true, 1234);
        assertTrue(account.worked());
        assertEquals(1234, account.cpuNanos());
        account.turnDone(false, 5);
        assertFalse(account.worked());
    }
}
