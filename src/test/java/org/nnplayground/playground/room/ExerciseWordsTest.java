package org.nnplayground.playground.room;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A refused request says what the page calls it, never a request name or a link key. */
class ExerciseWordsTest {
    @Test
    void refusalsSpeakThePagesWords() {
        Exercise e = Exercise.of("dataset=xor&learningRate=0.1&dataset_hide=true&learningRate_hide=true&playButton_hide=true");
        assertEquals("Uploading your own data (CSV) is turned off by your teacher's exercise", e.refusal("loadCsv", null));
        assertEquals("The Play button is turned off by your teacher's exercise", e.refusal("play", null));
        assertEquals("Running a sweep is turned off by your teacher's exercise", e.refusal("sweep", null));
        assertEquals("\u201cLearning rate\u201d is locked by your teacher's exercise", e.refusal("set", "learningRate"));
        for (String request : new String[] {"loadCsv", "play", "drawPoint", "removePoint", "sweep"}) {
            assertFalse(e.refusal(request, null).contains("'" + request + "'"), e.refusal(request, null));
        }
        assertNull(e.refusal("set", "noise"));
    }
}
