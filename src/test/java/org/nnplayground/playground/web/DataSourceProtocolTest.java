package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.Examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What runs is what the link and the page say: a picked data set replaces a CSV, the problem follows the data. */
class DataSourceProtocolTest {
    private static PlaygroundServer server;

    @BeforeAll
    static void start() { server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)); }

    @AfterAll
    static void stop() { server.stop(); }

    /** Uploads a shipped example and loads it into the session; returns its session message. */
    static JsonNode loadExample(WsClient c, String file) throws Exception {
        JsonNode answer = CsvUploadProtocolTest.upload(server.port(), file, Examples.find(file).orElseThrow().read());
        c.send("{\"type\":\"loadCsv\",\"name\":\"" + file + "\",\"upload\":\"" + answer.get("upload").asText() + "\"}");
        return c.next("session");
    }

    @Test
    void aPickedDataSetReplacesTheCsv() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=circle&seed=0.1\"}");
            c.next("session");
            JsonNode csv = loadExample(c, "three_species.csv");
            assertEquals(3, csv.get("numClasses").asInt(), csv.toString());
            for (String picked : new String[] {"spiral", "circle"}) {
                c.send("{\"type\":\"set\",\"key\":\"dataset\",\"value\":\"" + picked + "\"}");
                JsonNode next = c.next("session");
                assertEquals(2, next.get("numClasses").asInt(), picked + ": " + next);
                assertEquals("x", next.get("inputs").get(0).asText(), picked + " runs on TF's features, not the CSV's columns");
                assertTrue(next.get("link").asText().contains("dataset=" + picked), next.get("link").asText());
                assertFalse(next.get("link").asText().contains("data=local"), next.get("link").asText());
            }
        }
    }

    @Test
    void aRegressionCsvIsRegressionAndItsLinkSaysSo() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=circle&seed=0.1\"}");
            c.next("session");
            JsonNode csv = loadExample(c, "house_prices.csv");
            assertEquals("regression", csv.get("problem").asText());
            String link = csv.get("link").asText();
            assertTrue(link.contains("problem=regression"), link);
            assertFalse(link.contains("problem=classification"), link);
            assertFalse(link.contains("dataset=circle"), "a CSV run does not name a TF data set it is not using: " + link);
            assertTrue(link.contains("data=local"), link);
        }
    }

    @Test
    void regressionOnAClassCsvIsRefusedWithOneSentenceAndTheFileRunsOn() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=circle&seed=0.1\"}");
            c.next("session");
            JsonNode csv = loadExample(c, "three_species.csv");
            c.send("{\"type\":\"set\",\"key\":\"problem\",\"value\":\"regression\"}");
            JsonNode refused = c.next("error");
            assertEquals("set", refused.get("request").asText());
            assertEquals("three_species.csv has 3 classes, not numbers to predict: it cannot be a regression.", refused.get("message").asText());
            // the run is unchanged: a live change after the refusal answers the CSV run's link
            c.send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"0.1\"}");
            String link = c.next("link").get("hash").asText();
            assertTrue(link.contains("data=local") && !link.contains("problem=regression"), link);
            assertEquals(csv.get("link").asText().replace("learningRate=0.03", "learningRate=0.1"), link);
        }
    }

    @Test
    void aStepOfANetworkThatCannotTrainIsRefusedAsPlayIs() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=alien&output=step&seed=0.3\"}");
            c.next("session");
            for (String request : new String[] {"step", "play"}) {
                c.send("{\"type\":\"" + request + "\"}");
                JsonNode refused = c.next("error");
                assertEquals(request, refused.get("request").asText());
                assertTrue(refused.get("message").asText().startsWith("cannot train: the step function"), refused.toString());
            }
        }
    }

    @Test
    void aPickedTableTrainsOnAllItsPointsWithAPresetThatLearnsIt() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=circle&seed=0.2\"}");
            c.next("session");
            c.send("{\"type\":\"set\",\"key\":\"dataset\",\"value\":\"xor-table\"}");
            JsonNode table = c.next("session");
            assertEquals(4, table.get("train").size(), "every point of the table trains");
            assertEquals(0, table.get("test").size());
            assertTrue(table.get("allTrain").asBoolean());
            String link = table.get("link").asText();
            assertTrue(link.contains("learningRate=0.3") && link.contains("networkShape=4&"), link);
            c.send("{\"type\":\"step\",\"epochs\":200}");
            Frame last = c.frameAt(200);
            assertEquals(1.0, last.metricTrain(), "the XOR table is learnt in 200 epochs from the first Play: " + link);
        }
    }

    @Test
    void aRegressionOutputSpansTheLabelsRange() throws Exception {
        try (WsClient c = WsClient.connect(server.port())) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=circle&seed=0.1\"}");
            c.next("session");
            JsonNode csv = loadExample(c, "house_prices.csv");
            JsonNode range = csv.get("outputRange");
            assertEquals(2, range.size(), csv.get("link").asText());
            assertTrue(range.get(1).asDouble() > 4, "prices go up to about 5: " + range);
            c.send("{\"type\":\"load\",\"link\":\"problem=regression&regDataset=reg-plane&seed=0.1\"}");
            JsonNode tf = c.next("session").path("outputRange");
            assertTrue(tf.isNull() || tf.isMissingNode(), "TF's data keeps TF's -1..1 scale: " + tf);
        }
    }
}
