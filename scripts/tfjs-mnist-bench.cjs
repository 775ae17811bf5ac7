// Trains the book's digits network (784-128-64-10, relu, dropout 0.2, softmax, Adam, batch 10) with
// @tensorflow/tfjs (pure JavaScript) on exactly our split and from our initial weights, epoch by epoch,
// to put its accuracy and time per epoch beside ours (docs/benchmarks.md).
//   java -jar target/playground.jar export '<mnist link>' --epochs 0 --format tfjs --out DIR
//   npm install --prefix /tmp/tfjs @tensorflow/tfjs@4     (a temporary folder, as scripts/test-services.sh does)
//   NODE_PATH=/tmp/tfjs/node_modules node scripts/tfjs-mnist-bench.cjs DIR [EPOCHS=10] [BATCH=10] [LEARNING_RATE=0.001]
// Prints one JSON line per epoch (test accuracy with dropout off, wall and CPU seconds of the epoch's fit).
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
  return tf.tidy(() => {
    const predicted = model.predict(x, { batchSize: 500 }).argMax(-1).dataSync();
    let right = 0;
    for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
    return right / labels.length;
  });
}

async function main() {
  const [dir, epochs = '10', batch = '10', lr = '0.001'] = process.argv.slice(2);
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'data.json'), 'utf8'));
  const model = await tf.loadLayersModel(folderHandler(dir));
  const classes = model.outputs[0].shape[1];
  const xTrain = tf.tensor2d(data.train.x);
  const yTrain = tf.oneHot(tf.tensor1d(data.train.y, 'int32'), classes);
  const xTest = tf.tensor2d(data.test.x);
  model.compile({ optimizer: tf.train.adam(Number(lr), 0.9, 0.999, 1e-7), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const engine = `tfjs ${tf.version.tfjs} (${tf.getBackend()})`;
  let totalSeconds = 0;
  for (let e = 1; e <= Number(epochs); e++) {
    const wall = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const h = await model.fit(xTrain, yTrain, { epochs: 1, batchSize: Number(batch), shuffle: true, verbose: 0 });
    const seconds = Number(process.hrtime.bigint() - wall) / 1e9;
    const used = process.cpuUsage(cpu);
    totalSeconds += seconds;
    console.log(JSON.stringify({
      engine, epoch: e, lossTrain: h.history.loss[0], accTrain: h.history.acc ? h.history.acc[0] : h.history.accuracy[0],
      accTest: accuracy(model, xTest, data.test.y),
      seconds: Math.round(seconds * 1000) / 1000, cpuSeconds: Math.round((used.user + used.system) / 1000) / 1000,
    }));
  }
  console.error(`${engine}: ${epochs} epochs in ${totalSeconds.toFixed(1)} s`);
}

main().catch(e => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
