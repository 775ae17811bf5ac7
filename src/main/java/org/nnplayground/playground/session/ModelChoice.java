package org.nnplayground.playground.session;

import org.nnplayground.playground.data.DataSet;
import org.nnplayground.playground.link.LinkKey;
import org.nnplayground.playground.link.OutputChoice;
import org.nnplayground.playground.link.PlaygroundSettings;
import org.nnplayground.playground.nn.Activation;
import org.nnplayground.playground.nn.LossKind;

/**
 * The output layer and loss a link asks for, filled in where it is silent: TF Playground's rule
 * (tanh for classification, linear for regression, square loss), softmax + cross-entropy for 3+
 * classes, and the natural partner of an explicit choice (logloss -> sigmoid, softmax -> crossentropy).
 */
record ModelChoice(Activation output, int outputs, LossKind loss) {

    static ModelChoice of(PlaygroundSettings s, DataSet data) {
        boolean lossGiven = s.isSet(LinkKey.LOSS);
        Activation output;
        if (s.output() != OutputChoice.AUTO) output = s.output().resolve(data.problem());
        else if (data.numClasses() > 2 || (lossGiven && s.loss() == LossKind.CROSS_ENTROPY)) output = Activation.SOFTMAX;
        else if (lossGiven && s.loss() == LossKind.LOG_LOSS) output = Activation.SIGMOID;
        else output = OutputChoice.AUTO.resolve(data.problem());
        LossKind loss = lossGiven ? s.loss() : (output == Activation.SOFTMAX ? LossKind.CROSS_ENTROPY : LossKind.SQUARE);
        int outputs = output == Activation.SOFTMAX ? Math.max(2, data.numClasses()) : 1;
        if (data.numClasses() > 2 && output != Activation.SOFTMAX) {
            throw new IllegalArgumentException(data.numClasses() + " classes need a softmax output (output=softmax or auto)");
        }
        if (output == Activation.SOFTMAX && data.numClasses() == 0) {
            throw new IllegalArgumentException("softmax is for classification; regression uses a linear output");
        }
        return new ModelChoice(output, outputs, loss);
    }
}
