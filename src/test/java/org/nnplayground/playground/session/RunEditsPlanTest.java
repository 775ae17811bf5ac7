package org.nnplayground.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.link.PlaygroundLink;

/** A student's set, on the session's turn: the running plan compared with the changed one decides what happens to the run. */
class RunEditsPlanTest {

    /** What the owner's socket would have been sent. */
    private static final class Owner implements SessionListener {
        final List<SessionDescription> descriptions = new ArrayList<>();
        final List<String> links = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        @Override public void description(SessionDescription d) { descriptions.add(d); }
        @Override public void frame(ByteBuffer frame) {}
        @Override public void status(SessionState state, String message) {}
        @Override public void link(String hash) { links.add(hash); }
        @Override public void error(String message, String request) { errors.add(message); }
        @Override public boolean canSendFrame() { return true; }
    }

    private final Owner owner = new Owner();
    private final Audience audience = new Audience(owner);
    private final LiveRun live = new LiveRun(owner, audience, 32);
    private final RunEdits edits = new RunEdits(live, owner, audience);

    private void load(String link, DataSet data) {
        live.rebuild(TrainingRun.build(RunPlanner.plan(PlaygroundLink.parse(link, new SplittableRandom(1)).settings(), data)), List.of());
    }

    @Test
    void aLiveChangeKeepsTheNetworkAndHandsTheTrainerThePlansConfig() {
        load("dataset=xor&seed=0.2", null);
        TrainingRun before = live.run();
        before.trainer().trainEpoch();
        edits.set("learningRate", "0.3");
        edits.set("earlyStop", "5");
        TrainingRun after = live.run();
        assertSame(before.trainer(), after.trainer(), "live: the same trainer goes on");
        assertEquals(1, after.trainer().epoch());
        assertEquals(after.plan().config(), after.trainer().config());
        assertEquals(0.3, after.trainer().config().learningRate());
        assertFalse(after.trainer().config().tfExact(), "earlyStop is ours: the trainer leaves TF's rules as the link does");
        assertEquals(5, after.trainer().earlyStopping().patience());
        assertEquals(1, owner.descriptions.size(), "no rebuild, no new description");
        assertTrue(owner.links.get(owner.links.size() - 1).contains("earlyStop=5"));
    }

    @Test
    void aNewNetworkAndNewDataRebuildFromThePlan() {
        load("dataset=xor&seed=0.2", null);
        TrainingRun before = live.run();
        edits.set("networkShape", "3");
        assertNotSame(before.trainer(), live.run().trainer());
        assertEquals("0.2", live.run().settings().seed(), "same data: same seed");
        edits.set("noise", "10");
        assertFalse(live.run().settings().seed().equals("0.2"), "new data: a fresh seed from the stream");
        assertEquals(3, owner.descriptions.size());
    }

    @Test
    void pickingADataSetEndsTheCsvAndARefusedProblemLeavesTheRun() throws Exception {
        DataSet species = CsvImport.read(Examples.find("three_species").orElseThrow().read(), new CsvOptions(null, "three_species.csv"));
        load("seed=0.2", species);
        TrainingRun csv = live.run();
        assertThrows(IllegalArgumentException.class, () -> edits.set("problem", "regression"));
        assertSame(csv, live.run());
        edits.set("dataset", "spiral");
        assertNull(live.run().uploaded());
        assertEquals("spiral", live.run().split().source().name());
        assertFalse(owner.links.get(owner.links.size() - 1).contains("data=local"));
    }

    @Test
    void aSliceShowsAnotherPlaneOfTheSameRun() throws Exception {
        DataSet species = CsvImport.read(Examples.find("three_species").orElseThrow().read(), new CsvOptions(null, "three_species.csv"));
        load("seed=0.2", species);
        TrainingRun before = live.run();
        edits.set("sliceX", "body_mass_kg");
        assertSame(before.trainer(), live.run().trainer());
        assertEquals("body_mass_kg", live.run().plane().xName());
        assertEquals(2, owner.descriptions.size(), "the page gets the new plane");
    }
}
