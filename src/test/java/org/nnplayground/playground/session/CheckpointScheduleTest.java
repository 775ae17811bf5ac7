package org.nnplayground.playground.session;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.link.PlaygroundLink;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** When a session checkpoints: a new run, the end of training, every period while the epoch moves; not otherwise. */
class CheckpointScheduleTest {
    /** Records the saves. */
    static final class Recorder implements Checkpoints {
        final List<String> keys = new ArrayList<>();
        final List<Integer> epochs = new ArrayList<>();
        final List<Boolean> settled = new ArrayList<>();

        public void save(String key, RunSnapshot snapshot, boolean settled) {
            keys.add(key);
            epochs.add(snapshot.epoch());
            this.settled.add(settled);
        }

        public void flush() {}

        public Optional<Checkpoint> load(String key) { return Optional.empty(); }

        public void delete(String key) {}
    }

    private static final long SECOND = 1_000_000_000L;

    @Test
    void checkpointsOnceTrainedOnANewRunAtTheEndOfTrainingAndEveryPeriodWhileTheEpochMoves() {
        Recorder store = new Recorder();
        CheckpointSchedule schedule = new CheckpointSchedule(store, "solo:a", Duration.ofSeconds(5));
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse("dataset=xor&networkShape=3&seed=0.2", new SecureRandom()).settings(), null);
        RunHistory history = new RunHistory();
        long t = 100 * SECOND;

        schedule.afterTurn(run, history, false, t);                 // built, never trained: nothing
        assertEquals(List.of(), store.epochs);
        schedule.afterTurn(run, history, false, t + 10 * SECOND);   // idle, same epoch: nothing
        assertEquals(0, store.epochs.size());

        run.trainer().trainEpoch();
        schedule.afterTurn(run, history, true, t + 11 * SECOND);    // trained: its first checkpoint, epoch 1
        run.trainer().trainEpoch();
        schedule.afterTurn(run, history, true, t + 12 * SECOND);    // within the period: nothing
        assertEquals(List.of(1), store.epochs);
        run.trainer().trainEpoch();
        schedule.afterTurn(run, history, false, t + 13 * SECOND);   // paused: at once
        assertEquals(List.of(1, 3), store.epochs);

        TrainingRun rebuilt = TrainingRun.create(run.settings().change("networkShape", "4").settings(), null);
        schedule.afterTurn(rebuilt, history, false, t + 13 * SECOND + 1); // a new network: at once (it replaces the trained one)
        assertEquals(3, store.epochs.size());

        rebuilt.trainer().trainEpoch();
        schedule.afterTurn(rebuilt, history, false, t + 20 * SECOND);  // a step while paused, a period later
        rebuilt.resetWeights();                                      // reset (new weights, a new trainer): at once
        schedule.afterTurn(rebuilt, history, false, t + 20 * SECOND + 1);
        assertEquals(List.of(1, 3, 0, 1, 0), store.epochs);

        schedule.key("solo:b");                                      // resumed under the page's own key
        rebuilt.trainer().trainEpoch();
        schedule.afterTurn(rebuilt, history, true, t + 30 * SECOND);
        assertEquals(List.of("solo:a", "solo:a", "solo:a", "solo:a", "solo:a", "solo:b"), store.keys);
        // written while it trained on (training after it may be lost), or where it stopped (nothing after it)
        assertEquals(List.of(false, true, true, true, true, false), store.settled);
    }

    @Test
    void aStepThatStartsAndEndsWithinOneTurnIsCheckpointedWhenItEnds() {
        Recorder store = new Recorder();
        CheckpointSchedule schedule = new CheckpointSchedule(store, "student:a", Duration.ofSeconds(5));
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse("dataset=xor&networkShape=3&seed=0.2", new SecureRandom()).settings(), null);
        RunHistory history = new RunHistory();
        long t = 100 * SECOND;
        schedule.afterTurn(run, history, false, t);                 // built
        for (int e = 0; e < 20; e++) run.trainer().trainEpoch();    // step 20: every epoch in one turn, idle at its end
        schedule.afterTurn(run, history, false, t + SECOND / 10);
        assertEquals(List.of(20), store.epochs);
        schedule.afterTurn(run, history, false, t + SECOND / 5);    // a later idle turn (a pause): nothing new
        assertEquals(List.of(20), store.epochs);
    }

    @Test
    void aSessionThatNeverTrainsWritesNothingHoweverOftenItsRunIsBuilt() {
        Recorder store = new Recorder();
        CheckpointSchedule schedule = new CheckpointSchedule(store, "solo:a", Duration.ofSeconds(5));
        RunHistory history = new RunHistory();
        long t = 100 * SECOND;
        TrainingRun run = TrainingRun.create(PlaygroundLink.parse("dataset=xor&networkShape=3&seed=0.2", new SecureRandom()).settings(), null);
        for (int i = 0; i < 50; i++) {
            // loads, new networks, settings changed, playing turns that have not yet finished an epoch, over minutes
            run = i % 2 == 0 ? TrainingRun.create(run.settings().change("networkShape", String.valueOf(2 + i % 5)).settings(), null)
                    : run.withPlan(RunPlanner.plan(run.settings().change("learningRate", "0.3").settings(), null));
            schedule.afterTurn(run, history, i % 3 == 0, t + i * SECOND);
        }
        assertEquals(0, store.keys.size(), "checkpoints of a session that never trained");
        run.trainer().trainEpoch();
        schedule.afterTurn(run, history, false, t + 60 * SECOND);
        assertEquals(List.of(1), store.epochs, "its first epoch: the first checkpoint");
    }
}
