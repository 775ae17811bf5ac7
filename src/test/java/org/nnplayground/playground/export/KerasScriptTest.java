package org.nnplayground.playground.export;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.link.PlaygroundLink;
import org.nnplayground.playground.session.TrainingRun;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Keras script translates, and the one numeric translation (tanh to sigmoid). */
class KerasScriptTest {
    private static TrainingRun run(String link) {
        return TrainingRun.create(PlaygroundLink.parse(link, new SecureRandom()).settings(), null);
    }

    @Test
    void tfPlaygroundsConventionsBecomeKerasOnes() {
        String py = KerasScript.of(run("dataset=circle&networkShape=4,2&seed=0.1&regularization=L2&regularizationRate=0.003"), "t");
        assertTrue(py.contains("keras.regularizers.L2(0.0015)"), "TF's L2 rate is rate/2 in Keras");
        assertTrue(py.contains("kernel_initializer=keras.initializers.RandomUniform(-0.5, 0.5), bias_initializer=keras.initializers.Constant(0.1)"));
        assertTrue(py.contains("layers.Dense(1, activation=\"sigmoid\""), "tanh on -1/+1 becomes sigmoid on 0/1");
        assertTrue(py.contains("model.compile(loss=\"binary_crossentropy\", optimizer=keras.optimizers.SGD(learning_rate=0.03), metrics=[\"accuracy\"])"), py);
        assertTrue(py.contains("return (label > 0).astype(int)"));
        assertTrue(py.contains("(tanh(z) + 1) / 2 = sigmoid(2z)"));
        assertFalse(py.contains("Dropout"));
    }

    @Test
    void dropoutOptimizersAndSoftmax() {
        String py = KerasScript.of(run("dataset=spiral3&networkShape=8,8&activation=relu&optimizer=momentum&dropout=0.3&seed=0.1&init=glorot"), "t");
        assertEquals(2, py.split("layers.Dropout\\(0.3\\)", -1).length - 1, "after each hidden layer");
        assertTrue(py.contains("keras.optimizers.SGD(learning_rate=0.03, momentum=0.9)"), py);
        assertTrue(py.contains("loss=\"sparse_categorical_crossentropy\""));
        assertTrue(py.contains("GlorotUniform()"));
        assertTrue(py.contains("return label.astype(int)  # class index 0..2"));
    }

    @Test
    void theSigmoidOutputIsTheTanhOutputRescaled() {
        TrainingRun r = run("dataset=xor&networkShape=3&seed=0.2");
        for (int i = 0; i < 5; i++) r.trainer().trainEpoch();
        ExportModel m = ExportModel.of(r);
        double[] in = r.encodeInputs(new double[] {1.5, -2});
        double tanh = r.trainer().predict(in)[0];
        assertEquals((tanh + 1) / 2, m.predict(in)[0], 1e-12);
    }

    @Test
    void aStandardizedCsvRunCarriesItsFiguresClassNamesAndATruthfulLink() throws Exception {
        var data = org.nnplayground.playground.data.CsvImport.read(
                org.nnplayground.playground.data.Examples.find("three_species").orElseThrow().read(),
                org.nnplayground.playground.data.CsvOptions.defaults("three_species.csv"));
        TrainingRun r = TrainingRun.create(PlaygroundLink.parse("standardize=true&seed=0.2", new SecureRandom()).settings(), data);
        String py = KerasScript.of(r, "test");
        assertTrue(py.contains("class_names = [\"adelie\", \"chinstrap\", \"gentoo\"]"), py);
        assertTrue(py.contains("MEAN = np.array(") && py.contains("STD = np.array(") && py.contains("def standardize(raw):"), py);
        String header = py.lines().filter(l -> l.startsWith("# Playground link: ")).findFirst().orElseThrow();
        assertTrue(header.contains("data=local"), header);
        assertFalse(header.contains("dataset=circle"), header);
        assertEquals(r.standardizer().mean()[0], Double.parseDouble(py.split("MEAN = np.array\\(\\[")[1].split(",")[0]), 1e-9);
    }
}
