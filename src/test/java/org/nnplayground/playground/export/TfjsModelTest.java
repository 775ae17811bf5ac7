package org.nnplayground.playground.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.Examples;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.TrainingRun;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TF.js model is whole: a standardized run carries its mean and std (as keras.py does) and its class names. */
class TfjsModelTest {
    private static TrainingRun species(String link) throws Exception {
        var data = CsvImport.read(Examples.find("three_species").orElseThrow().read(), CsvOptions.defaults("three_species.csv"));
        return TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), data);
    }

    @Test
    void aStandardizedRunCarriesEachColumnsMeanAndStdAndTheClassNames() throws Exception {
        TrainingRun run = species("standardize=true&seed=0.2");
        JsonNode meta = new ObjectMapper().readTree(TfjsModel.modelJson(run)).path("userDefinedMetadata");
        JsonNode z = meta.path("standardization");
        assertEquals(run.split().source().inputNames(), texts(z.path("columns")));
        for (int k = 0; k < run.standardizer().mean().length; k++) {
            assertEquals(run.standardizer().mean()[k], z.path("mean").get(k).asDouble(), 0);
            assertEquals(run.standardizer().std()[k], z.path("std").get(k).asDouble(), 0);
        }
        assertTrue(z.path("apply").asText().contains("(x - mean) / std"), z.toString());
        assertEquals(List.of("adelie", "chinstrap", "gentoo"), texts(meta.path("classNames")));
    }

    @Test
    void aRunOnRawNumbersSaysNothingOfStandardization() throws Exception {
        JsonNode meta = new ObjectMapper().readTree(TfjsModel.modelJson(species("seed=0.2"))).path("userDefinedMetadata");
        assertTrue(meta.path("standardization").isMissingNode(), meta.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
