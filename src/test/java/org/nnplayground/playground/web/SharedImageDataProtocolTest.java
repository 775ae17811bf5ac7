package org.nnplayground.playground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.DatasetKind;
import org.nnplayground.playground.data.ImageSets;
import org.nnplayground.playground.data.Sample;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.session.TrainingRun;
import org.nnplayground.playground.web.RoomClient.Made;
import org.nnplayground.playground.web.RoomClient.Pupil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The digits are in memory once per server: two playground pages and a class's two students that
 * load dataset=mnist (other seeds, so other splits) train on the very pixel arrays ImageSets read,
 * never on copies.
 */
class SharedImageDataProtocolTest {
    private static final String DIGITS = "dataset=mnist&networkShape=16&activation=relu&optimizer=adam&batchSize=50"
            + "&learningRate=0.003&seed=0.5";
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("shared-images-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    @Test
    void pagesAndStudentsTrainOnTheSameDigitArrays() throws Exception {
        Made room = RoomClient.room(server, DIGITS.replace("seed=0.5", "seed=0.9"));
        try (WsClient one = WsClient.connect(server.port()); WsClient two = WsClient.connect(server.port());
             Pupil ada = RoomClient.join(server, room, "Ada"); Pupil ben = RoomClient.join(server, room, "Ben")) {
            one.send("{\"type\":\"load\",\"link\":\"" + DIGITS + "\"}");
            two.send("{\"type\":\"load\",\"link\":\"" + DIGITS.replace("seed=0.5", "seed=0.6") + "\"}");
            for (WsClient page : List.of(one, two, ada.socket(), ben.socket())) {
                assertEquals(28, page.next("session").get("imageSide").asInt(), "an image run");
            }

            List<TrainingRun> runs = new ArrayList<>();
            for (Session s : server.registry().sessions()) {
                CompletableFuture<TrainingRun> run = new CompletableFuture<>();
                s.inspect(run::complete);
                runs.add(run.get(WsClient.WAIT_SECONDS, TimeUnit.SECONDS));
            }
            assertEquals(4, runs.size(), "two pages and two students");

            Set<double[]> shared = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Sample s : ImageSets.of(DatasetKind.MNIST).samples()) shared.add(s.inputs());
            assertEquals(10_000, shared.size());
            for (TrainingRun run : runs) {
                double[][] train = run.trainer().trainData().inputs();
                double[][] test = run.trainer().testData().inputs();
                assertEquals(10_000, train.length + test.length);
                for (double[] x : train) assertTrue(shared.contains(x), "a training image is the server's own array");
                for (double[] x : test) assertTrue(shared.contains(x), "a test image is the server's own array");
            }
            // three seeds (the students share the exercise's), three splits of the same arrays
            Set<double[]> firsts = Collections.newSetFromMap(new IdentityHashMap<>());
            for (TrainingRun run : runs) firsts.add(run.trainer().trainData().inputs()[0]);
            assertEquals(3, firsts.size(), "each seed its own split");
        }
    }
}
