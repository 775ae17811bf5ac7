package org.nnplayground.playground.session;

import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.Trainer;

/** Hands a trainer the link's learning-rate schedule and early-stopping patience (the course's training extras), kept out of TrainingRun so the core run stays TF's. */
final class TrainingExtras {
    private TrainingExtras() {}

    /** Applies the settings; an unchanged patience keeps the best weights seen so far. */
    static void configure(Trainer trainer, PlaygroundSettings settings) {
        trainer.schedule(settings.lrSchedule());
        int patience = settings.earlyStop();
        int current = trainer.earlyStopping() == null ? 0 : trainer.earlyStopping().patience();
        if (patience != current) trainer.earlyStopping(patience);
    }
}
