// Checks that the TF.js export of an image run classifies the test images as the playground does:
// the exported model (model.json, weights.bin) predicts data.json's test images with @tensorflow/tfjs in
// Node, and each class is compared with data.json's test.predicted (the playground's own answer).
//   java -jar target/playground.jar export '<mnist link>' --epochs 2 --format tfjs --out DIR
//   npm install --prefix /tmp/tfjs @tensorflow/tfjs@4     (a temporary folder)
//   NODE_PATH=/tmp/tfjs/node_modules node scripts/tfjs-mnist-check.cjs DIR
// Prints one JSON line; exits 1 if any test image is classified differently.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

async function main() {
  const [dir] = process.argv.slice(2);
  if (!dir) { console.error('usage: node tfjs-mnist-check.cjs <export dir>'); process.exit(2); }
  const model = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(dir, model.weightsManifest[0].paths[0]));
  const loaded = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: model.modelTopology,
      weightSpecs: model.weightsManifest[0].weights,
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  });
  const data = JSON.parse(fs.readFileSync(path.join(dir, 'data.json'), 'utf8'));
  if (!data.test.predicted) throw new Error('data.json has no test.predicted: export an image run');
  const ours = data.test.predicted;
  const probabilities = loaded.predict(tf.tensor2d(data.test.x), { batchSize: 500 });
  const theirs = probabilities.argMax(-1).dataSync();
  // the margin of the top class over the runner-up, where they disagree: float32 against float64 rounding
  const p = probabilities.arraySync();
  let same = 0, rightOurs = 0, rightTfjs = 0;
  const differ = [];
  for (let i = 0; i < ours.length; i++) {
    if (theirs[i] === ours[i]) same++;
    else differ.push({ index: i, playground: ours[i], tfjs: theirs[i], margin: Math.abs(p[i][theirs[i]] - p[i][ours[i]]) });
    if (ours[i] === data.test.y[i]) rightOurs++;
    if (theirs[i] === data.test.y[i]) rightTfjs++;
  }
  console.log(JSON.stringify({
    engine: `tfjs ${tf.version.tfjs} (${tf.getBackend()})`, testImages: ours.length, sameClass: same,
    accuracyPlayground: rightOurs / ours.length, accuracyTfjs: rightTfjs / ours.length, differ,
  }));
  process.exit(same === ours.length ? 0 : 1);
}

main().catch(e => { console.error(e); process.exit(2); });
