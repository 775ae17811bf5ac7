// Message builders mirroring the server's ClientMessage records (docs/protocol.md).

export const load = link => ({ type: 'load', link });
export const loadCsv = (name, content, label) =>
  label ? { type: 'loadCsv', name, content, label } : { type: 'loadCsv', name, content };
/** Builds the session on a CSV file uploaded with POST /api/csv (web/js/upload.js). */
export const loadCsvUpload = (name, upload) => ({ type: 'loadCsv', name, upload });
export const play = () => ({ type: 'play' });
export const pause = () => ({ type: 'pause' });
export const step = (epochs = 1) => ({ type: 'step', epochs });
export const reset = () => ({ type: 'reset' });
export const regenerate = () => ({ type: 'regenerate' });
export const set = (key, value) => ({ type: 'set', key, value: String(value) });
export const setWeight = (layer, to, from, value) => ({ type: 'setWeight', layer, to, from, value });
export const setBias = (layer, node, value) => ({ type: 'setBias', layer, node, value });
export const selectNode = node => ({ type: 'selectNode', node });
export const speed = epochsPerFrame => ({ type: 'speed', epochsPerFrame });
/** The first message after a reconnect: take this tab's run back (the token from resumeToken). */
export const resume = token => ({ type: 'resume', token });
/** Sent for binary frames received (two at a time): the server keeps at most 3 frames unacknowledged. */
export const ack = (frames = 1) => (frames === 1 ? { type: 'ack' } : { type: 'ack', frames });
/** Frames the page acknowledges in one ack while frames keep coming (each ack costs the server a message). */
export const ACK_EVERY = 2;
/** A frame left unacknowledged this long (ms) is acknowledged alone (the last frame before a pause). */
export const ACK_FLUSH_MS = 40;

/** A frame's grid mode with one grid per class (0: one scalar grid). */
export const GRID_CLASSES = 1;

/** The frame format this decoder reads (docs/protocol.md). */
export const FRAME_VERSION = 2;

/** Decodes one binary frame (little-endian, docs/protocol.md) into plain numbers and byte grids. */
export async function decodeFrame(buffer) {
  const view = new DataView(buffer);
  let at = 0;
  const u8 = () => view.getUint8(at++);
  const u32 = () => { const v = view.getUint32(at, true); at += 4; return v; };
  const f32 = () => { const v = view.getFloat32(at, true); at += 4; return v; };
  const f64 = () => { const v = view.getFloat64(at, true); at += 8; return v; };

  const version = u8();
  if (version !== FRAME_VERSION) throw new Error(`frame version ${version}`);
  const mode = u8();
  const epoch = u32();
  const lossTrain = f64(), lossTest = f64(), metricTrain = f64(), metricTest = f64();
  const firstHistoryEpoch = u32();
  const historyCount = u32();
  const historyTrain = new Float32Array(historyCount);
  const historyTest = new Float32Array(historyCount);
  for (let i = 0; i < historyCount; i++) { historyTrain[i] = f32(); historyTest[i] = f32(); }
  const selectedNode = u32();
  const weightCount = u32();
  const weights = new Float32Array(weightCount);
  for (let i = 0; i < weightCount; i++) weights[i] = f32();
  const gridSize = u32(), codedSize = u32(), thumbSize = u32(), thumbCount = u32();
  const compressedLength = u32();
  const bytes = await inflateRaw(new Uint8Array(buffer, at, compressedLength));

  const planes = mode === 1 ? 2 : 1;
  const codedBytes = codedSize * codedSize;
  for (let p = 0; p < planes; p++) undoMedianPrediction(bytes, p * codedBytes, codedSize);
  const thumbStart = codedBytes * planes;
  for (let t = 0; t < thumbCount; t++) undoMedianPrediction(bytes, thumbStart + t * thumbSize * thumbSize, thumbSize);
  return {
    version, mode, epoch, lossTrain, lossTest, metricTrain, metricTest,
    firstHistoryEpoch, historyTrain, historyTest, selectedNode, weights,
    gridSize, codedSize, thumbSize, thumbCount,
    grid: upsample(bytes.subarray(0, codedBytes), codedSize, gridSize, mode === 1),
    confidence: mode === 1 ? upsample(bytes.subarray(codedBytes, 2 * codedBytes), codedSize, gridSize, false) : null,
    thumbs: bytes.subarray(thumbStart, thumbStart + thumbCount * thumbSize * thumbSize),
  };
}

/**
 * The big grid arrives as n x n samples of its size x size picture (protocol.md): bilinear
 * upsampling, or nearest for class indices.
 */
export function upsample(src, n, size, nearest) {
  if (n === size || size === 0) return src;
  const out = new Uint8Array(size * size);
  const scale = (n - 1) / (size - 1);
  for (let r = 0; r < size; r++) {
    const sr = r * scale, r0 = Math.min(Math.floor(sr), n - 2), fr = sr - r0;
    for (let c = 0; c < size; c++) {
      const sc = c * scale;
      if (nearest) { out[r * size + c] = src[Math.round(sr) * n + Math.round(sc)]; continue; }
      const c0 = Math.min(Math.floor(sc), n - 2), fc = sc - c0, i = r0 * n + c0;
      const top = src[i] + (src[i + 1] - src[i]) * fc;
      const bottom = src[i + n] + (src[i + n + 1] - src[i + n]) * fc;
      out[r * size + c] = Math.round(top + (bottom - top) * fr);
    }
  }
  return out;
}

/** Raw DEFLATE (RFC 1951) in the browser's own decompressor. */
async function inflateRaw(compressed) {
  const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Undoes the prediction coding of one size x size grid in place (JPEG-LS median edge detector):
 * each byte was stored as (value - p) mod 256 with p from the left (a), upper (b) and upper-left (c)
 * neighbours; first row p = a, first column p = b, first cell p = 0.
 */
export function undoMedianPrediction(bytes, start, size) {
  for (let r = 0; r < size; r++) {
    const row = start + r * size;
    for (let col = 0; col < size; col++) {
      const i = row + col;
      let p;
      if (r === 0) p = col === 0 ? 0 : bytes[i - 1];
      else if (col === 0) p = bytes[i - size];
      else {
        const a = bytes[i - 1], b = bytes[i - size], c = bytes[i - size - 1];
        const hi = a > b ? a : b, lo = a > b ? b : a;
        p = c >= hi ? lo : c <= lo ? hi : a + b - c;
      }
      bytes[i] = (bytes[i] + p) & 255;
    }
  }
}
