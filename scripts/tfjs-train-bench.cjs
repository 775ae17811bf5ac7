// Trains an exported (untrained) playground model with @tensorflow/tfjs (pure JavaScript) on the
// run's own split, to check our trainer against an engine nobody here wrote (docs/benchmarks.md).
//   java -jar target/playground.jar export '<link>' --epochs 0 --csv F --format tfjs --out DIR
//   NODE_PATH=<node_modules with @tensorflow/tfjs> node scripts/tfjs-train-bench.cjs DIR EPOCHS BATCH LEARNING_RATE
// Prints one JSON line: the final training and test accuracy (dropout off), and the seconds taken.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

/** Loads model.json and weights.bin from a folder (pure tfjs has no file:// loader in Node). */
function folderHandler(dir) {
  return {
    load: async () => {
      const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      const bin = fs.readFileSync(path.join(dir, model.weightsManifest[0].paths[0]));
      return {
        modelTopology: model.modelTopology,
        weightSpecs: model.weightsManifest[0].weights,
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      };
    },
  };
}

function accuracy(model, x, labels) {
  const predicted = model.predict(x).argMax(-1).arraySync();
  return predicted.filter((k, i) => k === labels[i]).length / labels.length;
}

async function main() {
  const [dir, epochs = '100', batch = '10', lr = '0.001'] = process.argv.slice(2);
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'data.json'), 'utf8'));
  const model = await tf.loadLayersModel(folderHandler(dir));
  const classes = model.outputs[0].shape[1];
  const xTrain = tf.tensor2d(data.train.x);
  const yTrain = tf.oneHot(tf.tensor1d(data.train.y, 'int32'), classes);
  model.compile({ optimizer: tf.train.adam(Number(lr)), loss: 'categoricalCrossentropy' });
  const start = Date.now();
  await model.fit(xTrain, yTrain, { epochs: Number(epochs), batchSize: Number(batch), shuffle: true, verbose: 0 });
  const seconds = (Date.now() - start) / 1000;
  const result = {
    engine: `tfjs ${tf.version.tfjs} (${tf.getBackend()})`,
    epochs: Number(epochs),
    trainAccuracy: accuracy(model, xTrain, data.train.y),
    testAccuracy: data.test.y.length ? accuracy(model, tf.tensor2d(data.test.x), data.test.y) : null,
    seconds,
  };
  console.log(JSON.stringify(result));
}

main().catch(e => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
