// Loads a TF.js layers model exported by the playground with @tensorflow/tfjs (pure JavaScript)
// and prints its layers and its predictions as JSON. Used by ExportProtocolTest.
//   NODE_PATH=<node_modules with @tensorflow/tfjs> node tfjs-predict.cjs <model.json URL> <inputs.json> <out.json>
// inputs.json: [[...], ...] the encoded inputs (features) of each point.
const fs = require('fs');
const tf = require('@tensorflow/tfjs');

async function main() {
  const [url, inputsFile, outFile] = process.argv.slice(2);
  const model = await tf.loadLayersModel(url);
  const inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
  const predictions = model.predict(tf.tensor2d(inputs)).arraySync();
  const layers = model.layers.map(l => ({
    className: l.getClassName(),
    units: l.units === undefined ? null : l.units,
    activation: l.activation === undefined ? null : l.getConfig().activation,
    weightShapes: l.getWeights().map(w => w.shape),
  }));
  fs.writeFileSync(outFile, JSON.stringify({ layers, predictions }));
}

main().catch(e => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
