package org.nnplayground.playground.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.nn.LearningRateSchedule;

/** standardize, lrSchedule (+ lrDecay, lrPeriod) and earlyStop: parsed, written back, never TF-exact. */
class CourseLinkKeysTest {
    private static final String TF = "activation=tanh&dataset=circle&seed=0.1&networkShape=4,2";

    @Test
    void absentKeysKeepALinkTfExactAndMeanOff() {
        PlaygroundSettings s = PlaygroundLink.parse(TF, new Random(1)).settings();
        assertTrue(s.tfExact());
        assertFalse(s.standardize());
        assertEquals(LearningRateSchedule.Kind.NONE, s.lrSchedule().kind());
        assertEquals(0, s.earlyStop());
    }

    @Test
    void eachKeyIsReadWrittenBackAndMakesTheLinkOurs() {
        PlaygroundSettings s = PlaygroundLink.parse(TF + "&standardize=true&lrSchedule=step&lrDecay=0.3&lrPeriod=50&earlyStop=20",
                new Random(1)).settings();
        assertFalse(s.tfExact());
        assertTrue(s.standardize());
        assertEquals(new LearningRateSchedule(LearningRateSchedule.Kind.STEP, 0.3, 50), s.lrSchedule());
        assertEquals(20, s.earlyStop());
        PlaygroundSettings back = PlaygroundLink.parse(s.toHash(), new Random(1)).settings();
        assertEquals(s, back);
        assertTrue(s.toHash().contains("standardize=true") && s.toHash().contains("lrSchedule=step"), s.toHash());
        assertFalse(PlaygroundLink.parse(TF + "&earlyStop=5", new Random(1)).settings().tfExact());
    }

    @Test
    void badValuesAreClampedOrRefusedInPlainWords() {
        LinkResult r = PlaygroundLink.parse(TF + "&lrDecay=5&earlyStop=-3", new Random(1));
        assertEquals(1.0, r.settings().lrSchedule().decay());
        assertEquals(0, r.settings().earlyStop());
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        // a link never fails: a value that makes no sense falls back to the default, with a warning naming the key
        LinkResult odd = PlaygroundLink.parse(TF + "&lrSchedule=cosine", new Random(1));
        assertEquals(LearningRateSchedule.Kind.NONE, odd.settings().lrSchedule().kind());
        assertTrue(odd.warnings().stream().anyMatch(w -> w.contains("lrSchedule")), odd.warnings().toString());
        // a change by hand is refused in plain words
        LinkException e = assertThrows(LinkException.class, () -> odd.settings().change("lrSchedule", "cosine"));
        assertTrue(e.getMessage().contains("lrSchedule"), e.getMessage());
    }
}
