// The browser's frame decoder (web/js/protocol.js) on the golden frame file: it must read the
// values golden.json records (the Java encoder and test decoder are held to the same file by
// GoldenFrameTest, which runs this with `node --test src/test/js/frame-golden.test.mjs`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeFrame } from '../../../web/js/protocol.js';

const dir = new URL('../resources/frames/', import.meta.url);
const golden = JSON.parse(readFileSync(new URL('golden.json', dir)));

/** The same summary of a decoded frame as GoldenFrameTest.values computes in Java. */
function values(f) {
  const n = f.weights.length;
  let abs = 0;
  for (const w of f.weights) abs += Math.abs(w);
  const planes = f.mode === 1 ? 2 : 1;
  const sum = bytes => bytes.reduce((a, b) => a + b, 0);
  return {
    version: f.version, mode: f.mode, epoch: f.epoch,
    lossTrain: f.lossTrain, lossTest: f.lossTest, metricTrain: f.metricTrain, metricTest: f.metricTest,
    firstHistoryEpoch: f.firstHistoryEpoch,
    historyTrain: Array.from(f.historyTrain), historyTest: Array.from(f.historyTest),
    selectedNode: f.selectedNode, weightCount: n,
    weightsHead: Array.from(f.weights.subarray(0, Math.min(8, n))),
    weightsTail: Array.from(f.weights.subarray(Math.max(0, n - 8))),
    weightAbsSum: Math.round(abs * 1000) / 1000,
    gridSize: f.gridSize, codedSize: f.codedSize, thumbSize: f.thumbSize, thumbCount: f.thumbCount,
    gridSum: sum(f.grid) + (planes === 2 ? sum(f.confidence) : 0),
    thumbSum: sum(f.thumbs),
    gridRow50: Array.from(f.grid.subarray(50 * f.gridSize, 51 * f.gridSize)),
  };
}

for (const name of Object.keys(golden)) {
  test(`decodes the golden frame '${name}'`, async () => {
    const file = readFileSync(new URL(`${name}.bin`, dir));
    const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength);
    assert.deepEqual(values(await decodeFrame(buffer)), golden[name]);
  });
}
