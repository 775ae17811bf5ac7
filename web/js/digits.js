// The digit views of an image run (dataset=mnist, or fashion: clothes, named by the session's classNames): the epoch's live progress, the current image with
// its 10 class probabilities, each first-hidden-layer neuron's 784 incoming weights as a 28x28 image,
// a gallery of test images (mistakes outlined; click one to feed it through), a drawing pad centred
// and scaled as MNIST's digits are, and the test confusion matrix with per-class accuracy.
// The server sends `digits` (progress a few times a second, weight images and the gallery's predictions
// once an epoch, the gallery's images once a run) and answers
// `classify` with `classified` (docs/protocol.md).

import { tap } from './tap.js';

const $ = id => document.getElementById(id);
const SIDE = 28;
const TILE = 2;            // screen pixels per image pixel in the weights grid and the gallery
const PAD = 280;           // the drawing pad's side (10 screen pixels per MNIST pixel)
const CLASSIFY_MS = 120;   // at most one classify request this often while drawing

/**
 * Builds the panel (hidden until an image run arrives) and follows the socket. The panel takes the
 * network column's place in the page's grid: an image run hides the network drawing, and the student
 * should see the digits, Play and the progress line together while training.
 */
export function installDigits(socket) {
  const main = $('main-part');
  if (!main) return;
  const ui = buildPanel();
  const network = $('network-column');
  if (network?.parentElement === main) network.after(ui.panel);
  else main.after(ui.panel);
  const split = buildSplitNote();
  let session = null;
  let gallery = null;       // { images, labels, predicted }
  let current = null;       // pixels (0..1) of the image shown in the input column
  let names = null;         // class names when they are not the digits 0..9 (Fashion-MNIST's clothes)
  const name = c => names ? names[c] ?? String(c) : String(c);
  let requestId = 0;
  let lastClassify = 0;
  let classifyTimer = null;
  const sums = [];          // a checksum of each part of the weight images (tests see them change)
  const pad = new DrawingPad(ui.pad, pixels => { showInput(pixels); classifySoon(pixels); });
  ui.clear.addEventListener('click', () => { pad.clear(); showInput(new Float32Array(SIDE * SIDE)); ui.bars.replaceChildren(); });

  // the weight images are the biggest part of the digits messages: the server sends them only while
  // the page shows them (the canvas on screen, the tab visible)
  let weightsOnScreen = false, weightsTold = null;
  const tellWeights = force => {
    const shown = weightsOnScreen && !document.hidden;
    if (shown === weightsTold && !force) return;
    weightsTold = shown;
    socket.send({ type: 'weightImages', on: shown });
  };
  new IntersectionObserver(entries => {
    weightsOnScreen = entries[entries.length - 1].isIntersecting;
    tellWeights(false);
  }).observe(ui.weights);
  document.addEventListener('visibilitychange', () => tellWeights(false));

  tap(socket, {
    onOpen: () => { if (weightsTold !== null) tellWeights(true); },
    onMessage: message => {
      if (message.type === 'session') {
        session = message;
        const image = message.imageSide > 0;
        ui.panel.hidden = !image;
        document.body.classList.toggle('image-run', image);
        if (!image) return;
        gallery = null;
        names = message.classNames?.length ? message.classNames : null;
        const digits = !names || names.every((name, c) => name === String(c));
        if (digits) names = null;
        ui.bars.classList.toggle('named', !digits);
        ui.padTitle.textContent = digits ? 'Draw a digit' : 'Draw a piece of clothing';
        ui.progress.textContent = 'epoch 0';
        split.show(null, null, digits ? 'digits' : 'images');
      } else if (message.type === 'digits' && session?.imageSide > 0) {
        showDigits(message);
      } else if (message.type === 'classified' && message.id === requestId) {
        showProbabilities(message.probabilities);
        showHidden(message.hidden);
      }
    },
  });

  function showDigits(m) {
    const p = m.progress;
    ui.progress.textContent = p && p.samplesDone > 0
      ? `epoch ${m.epoch + 1}: batch ${p.batchesDone} of ${p.batches}` + (p.loss == null ? '' : `, running loss ${p.loss.toFixed(4)}`)
        + (p.accuracy == null ? '' : `, accuracy ${(100 * p.accuracy).toFixed(1)} %`)
      : `epoch ${m.epoch}`;
    ui.bar.value = p && p.samples > 0 ? p.samplesDone / p.samples : 0;
    split.show(p?.samples, m.confusion ? m.confusion.flat().reduce((s, n) => s + n, 0) : null, names ? 'images' : 'digits');
    ui.panel.dataset.batchesDone = p ? p.batchesDone : 0;
    ui.panel.dataset.epoch = m.epoch;
    if (m.weights) drawWeights(decode(m.weights), m.firstNeuron, m.neurons);
    // the images come once per run (or after a new `session`), the predictions with every full report
    if (m.gallery) gallery = { images: decode(m.gallery), labels: m.galleryLabels, predicted: null };
    if (m.galleryPredicted && gallery) {
      gallery.predicted = m.galleryPredicted;
      drawGallery();
      if (!current) pick(0);
      else classifyNow(current); // the network changed: the shown image's probabilities follow
    }
    if (m.confusion) drawConfusion(m.confusion, m.classAccuracy);
  }

  /** Draws the weight images of neurons first.. (a part of the layer: the server sends them in parts). */
  function drawWeights(bytes, first, neurons) {
    const columns = 16, rows = Math.ceil(neurons / columns);
    const canvas = ui.weights;
    const width = columns * (SIDE + 1) * TILE, height = rows * (SIDE + 1) * TILE;
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    const ctx = canvas.getContext('2d');
    const image = ctx.createImageData(SIDE, SIDE);
    const small = document.createElement('canvas');
    small.width = SIDE; small.height = SIDE;
    const sctx = small.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    const count = bytes.length / (SIDE * SIDE);
    for (let j = 0; j < count; j++) {
      const n = first + j;
      for (let k = 0; k < SIDE * SIDE; k++) {
        // blue for positive weights, orange for negative, white for zero (the playground's colours)
        const v = (bytes[j * SIDE * SIDE + k] - 128) / 127;
        const [r, g, b] = v >= 0 ? mix([255, 255, 255], [8, 119, 189], v) : mix([255, 255, 255], [245, 147, 34], -v);
        image.data.set([r, g, b, 255], 4 * k);
      }
      sctx.putImageData(image, 0, 0);
      ctx.drawImage(small, (n % columns) * (SIDE + 1) * TILE, Math.floor(n / columns) * (SIDE + 1) * TILE, SIDE * TILE, SIDE * TILE);
    }
    sums[first] = bytes.reduce((s, v) => s + v, 0);
    ui.weights.dataset.sum = String(sums.reduce((s, v) => s + (v ?? 0), 0));
  }

  function drawGallery() {
    ui.gallery.replaceChildren();
    const n = gallery.labels.length;
    let mistakes = 0;
    for (let i = 0; i < n; i++) {
      const tile = document.createElement('button');
      tile.type = 'button';
      const wrong = gallery.predicted[i] !== gallery.labels[i];
      if (wrong) mistakes++;
      tile.className = 'digit-tile' + (wrong ? ' mistake' : '');
      tile.title = `label ${name(gallery.labels[i])}, predicted ${name(gallery.predicted[i])}`;
      const canvas = document.createElement('canvas');
      canvas.width = SIDE; canvas.height = SIDE;
      putGrey(canvas, gallery.images.subarray(i * SIDE * SIDE, (i + 1) * SIDE * SIDE));
      const label = document.createElement('span');
      label.textContent = name(gallery.predicted[i]);
      tile.append(canvas, label);
      tile.addEventListener('click', () => pick(i));
      ui.gallery.append(tile);
    }
    ui.galleryNote.textContent = `${mistakes} of ${n} wrong (outlined)`;
  }

  function pick(i) {
    const pixels = new Float32Array(SIDE * SIDE);
    for (let k = 0; k < pixels.length; k++) pixels[k] = gallery.images[i * SIDE * SIDE + k] / 255;
    showInput(pixels);
    classifyNow(pixels);
  }

  function showInput(pixels) {
    current = pixels;
    const bytes = new Uint8Array(pixels.length);
    for (let k = 0; k < pixels.length; k++) bytes[k] = Math.round(255 * pixels[k]);
    putGrey(ui.input, bytes);
  }

  function classifySoon(pixels) {
    const wait = CLASSIFY_MS - (performance.now() - lastClassify);
    clearTimeout(classifyTimer);
    if (wait <= 0) classifyNow(pixels);
    else classifyTimer = setTimeout(() => classifyNow(pixels), wait);
  }

  function classifyNow(pixels) {
    lastClassify = performance.now();
    requestId++;
    socket.send({ type: 'classify', id: requestId, pixels: Array.from(pixels, v => Math.round(v * 1000) / 1000) });
  }

  function showProbabilities(p) {
    ui.bars.replaceChildren();
    const best = p.indexOf(Math.max(...p));
    p.forEach((value, c) => {
      const row = document.createElement('div');
      row.className = 'digit-bar' + (c === best ? ' best' : '');
      const label = document.createElement('span');
      label.textContent = name(c);
      label.title = name(c);
      const bar = document.createElement('span');
      bar.className = 'fill';
      bar.style.width = `${(100 * value).toFixed(1)}%`;
      const text = document.createElement('span');
      text.className = 'value';
      text.textContent = `${(100 * value).toFixed(1)} %`;
      row.append(label, bar, text);
      ui.bars.append(row);
    });
    ui.bars.dataset.top = String(best);
  }

  function showHidden(hidden) {
    ui.hidden.replaceChildren();
    hidden.forEach((layer, l) => {
      const canvas = document.createElement('canvas');
      const columns = 16, rows = Math.ceil(layer.length / columns);
      canvas.width = columns; canvas.height = rows;
      canvas.className = 'digit-activations';
      canvas.title = `hidden layer ${l + 1}: ${layer.length} activations for this image`;
      const max = Math.max(1e-9, ...layer);
      const ctx = canvas.getContext('2d');
      const image = ctx.createImageData(columns, rows);
      layer.forEach((v, i) => image.data.set([...mix([255, 255, 255], [8, 119, 189], Math.max(0, v) / max), 255], 4 * i));
      ctx.putImageData(image, 0, 0);
      ui.hidden.append(canvas);
    });
  }

  function drawConfusion(counts, perClass) {
    const table = document.createElement('table');
    table.className = 'digit-confusion' + (names ? ' named' : '');
    const head = table.insertRow();
    head.insertCell().textContent = 'true \\ said';
    for (let c = 0; c < counts.length; c++) { const td = head.insertCell(); td.textContent = String(c); td.title = name(c); }
    head.insertCell().textContent = 'right';
    const max = Math.max(1, ...counts.flat());
    counts.forEach((row, a) => {
      const tr = table.insertRow();
      tr.insertCell().textContent = names ? `${a} ${name(a)}` : String(a);
      row.forEach((n, p) => {
        const td = tr.insertCell();
        td.textContent = n ? String(n) : '';
        const alpha = n / max;
        td.style.background = a === p ? `rgba(8, 119, 189, ${alpha})` : `rgba(245, 147, 34, ${Math.min(1, 4 * alpha)})`;
      });
      tr.insertCell().textContent = `${(100 * perClass[a]).toFixed(0)} %`;
    });
    ui.confusion.replaceChildren(table);
  }
}

/**
 * The ratio slider does nothing for an image run (its split is fixed by the data and the seed): CSS
 * hides it then, and this note says what runs instead, with the counts once the server has sent them.
 */
function buildSplitNote() {
  const note = document.createElement('p');
  note.id = 'digits-split';
  note.className = 'digits-split';
  const slider = document.querySelector('.ui-percTrainData');
  if (slider) slider.after(note);
  let train = null, test = null;
  return {
    show(trainCount, testCount, what = 'digits') {
      if (trainCount > 0) train = trainCount;
      if (testCount > 0) test = testCount;
      const counts = train && test ? `: ${train.toLocaleString('en')} training and ${test.toLocaleString('en')} test images`
        : train ? `: ${train.toLocaleString('en')} training images` : '';
      const ratio = train && test ? Math.round(100 * train / (train + test)) : 80;
      note.textContent = `Ratio of training to test data: ${ratio} %, fixed for the ${what}${counts}.`;
      note.dataset.ratio = String(ratio);
    },
  };
}

/** A 280x280 pad: strokes become a 28x28 image, centred and scaled as MNIST's digits are. */
class DrawingPad {
  constructor(canvas, onChange) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.onChange = onChange;
    this.clear();
    let drawing = false;
    let last = null;
    const at = e => {
      const r = canvas.getBoundingClientRect();
      return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
    };
    canvas.addEventListener('pointerdown', e => { drawing = true; last = at(e); canvas.setPointerCapture(e.pointerId); this.stroke(last, last); });
    canvas.addEventListener('pointermove', e => { if (!drawing) return; const p = at(e); this.stroke(last, p); last = p; });
    const end = () => { drawing = false; };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  clear() {
    this.ctx.fillStyle = '#000';
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  stroke(from, to) {
    const ctx = this.ctx;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = this.canvas.width / 12;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(...from);
    ctx.lineTo(...to);
    ctx.stroke();
    this.onChange(this.mnistPixels());
  }

  /**
   * MNIST's normalisation: the ink's bounding box scaled to fit 20x20 (aspect kept), then placed so
   * that its centre of mass sits at the centre of the 28x28 image. Returns 784 values in 0..1.
   */
  mnistPixels() {
    const { width, height } = this.canvas;
    const ink = this.ctx.getImageData(0, 0, width, height).data;
    let x0 = width, y0 = height, x1 = -1, y1 = -1;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      if (ink[4 * (y * width + x)] > 20) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    }
    const out = new Float32Array(SIDE * SIDE);
    if (x1 < 0) return out;
    const box = Math.max(x1 - x0 + 1, y1 - y0 + 1);
    const scale = 20 / box;
    const w = Math.max(1, Math.round((x1 - x0 + 1) * scale)), h = Math.max(1, Math.round((y1 - y0 + 1) * scale));
    const small = document.createElement('canvas');
    small.width = w; small.height = h;
    const sctx = small.getContext('2d');
    sctx.imageSmoothingQuality = 'high';
    sctx.drawImage(this.canvas, x0, y0, x1 - x0 + 1, y1 - y0 + 1, 0, 0, w, h);
    const grey = sctx.getImageData(0, 0, w, h).data;
    let mass = 0, mx = 0, my = 0;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const v = grey[4 * (y * w + x)] / 255;
      mass += v; mx += v * x; my += v * y;
    }
    const dx = Math.round(SIDE / 2 - (mass > 0 ? mx / mass : w / 2) - 0.5);
    const dy = Math.round(SIDE / 2 - (mass > 0 ? my / mass : h / 2) - 0.5);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const tx = x + dx, ty = y + dy;
      if (tx >= 0 && tx < SIDE && ty >= 0 && ty < SIDE) out[ty * SIDE + tx] = grey[4 * (y * w + x)] / 255;
    }
    return out;
  }
}

function buildPanel() {
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    Object.assign(e, props);
    e.append(...children);
    return e;
  };
  const progress = el('span', { id: 'digits-progress', textContent: 'epoch 0' });
  const bar = el('progress', { id: 'digits-bar', max: 1, value: 0 });
  const input = el('canvas', { id: 'digits-input', width: SIDE, height: SIDE, title: 'the image fed through the network' });
  const bars = el('div', { id: 'digits-probabilities' });
  const hidden = el('div', { id: 'digits-hidden' });
  const weights = el('canvas', { id: 'digits-weights', title: 'each first-layer neuron\'s 784 incoming weights: blue positive, orange negative' });
  const gallery = el('div', { id: 'digits-gallery' });
  const galleryNote = el('span', { className: 'explain' });
  const pad = el('canvas', { id: 'digits-pad', width: PAD, height: PAD, title: 'draw a digit' });
  const clear = el('button', { id: 'digits-clear', type: 'button', textContent: 'Clear' });
  const confusion = el('div', { id: 'digits-confusion' });
  const padTitle = el('h4', { textContent: 'Draw a digit' });
  const panel = el('section', { id: 'digits', hidden: true },
    el('div', { className: 'digits-progress' }, progress, bar),
    el('div', { className: 'digits-grid' },
      el('div', { className: 'digits-card io' }, el('h4', { textContent: 'Input and output' }),
        el('div', { className: 'digits-io' }, input, bars), el('h4', { textContent: 'Hidden activations' }), hidden),
      el('div', { className: 'digits-card weights' }, el('h4', { textContent: 'First hidden layer: each neuron\'s weights as an image' }), weights),
      el('div', { className: 'digits-card pad' }, padTitle, pad, clear),
      el('div', { className: 'digits-card gallery' }, el('h4', { textContent: 'Test images and what the network says ' }, galleryNote), gallery),
      el('div', { className: 'digits-card confusion' }, el('h4', { textContent: 'Confusion matrix (test set)' }), confusion)));
  return { panel, progress, bar, input, bars, hidden, weights, gallery, galleryNote, pad, padTitle, clear, confusion };
}

function putGrey(canvas, bytes) {
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(SIDE, SIDE);
  for (let k = 0; k < SIDE * SIDE; k++) image.data.set([bytes[k], bytes[k], bytes[k], 255], 4 * k);
  ctx.putImageData(image, 0, 0);
}

function decode(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

function mix(from, to, t) {
  return from.map((f, i) => Math.round(f + (to[i] - f) * Math.max(0, Math.min(1, t))));
}
