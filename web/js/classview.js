// The projector's class view: every student's output as a thumbnail (the card's boundary, one
// canvas pixel per point of the model's grid), everyone's test loss overlaid, and a histogram of
// test accuracy (R² for regression). Fed only by the dashboard's roster updates.

import { Heatmap } from './heatmap.js';

const POINTS_KEPT = 1024;      // per student; when full every other point goes (the curve keeps its shape)
const POINTS_STORED = 128;     // per student, kept in the tab over a reload (about 200 kB for 200 students)
const BINS = 10;
const FULL = new Uint8Array(40 * 40).fill(255);

function bytesOf(base64) { return Uint8Array.from(atob(base64 ?? ''), ch => ch.charCodeAt(0)); }

/** A student's test loss by epoch as the dashboard saw it (a reset or a new exercise starts a new curve). */
class Curve {
  constructor() { this.epochs = []; this.losses = []; }

  add(epoch, loss) {
    const n = this.epochs.length;
    if (n > 0 && epoch < this.epochs[n - 1]) { this.epochs = []; this.losses = []; }
    if (!Number.isFinite(loss)) return;
    if (this.epochs.length > 0 && this.epochs[this.epochs.length - 1] === epoch) { this.losses[this.losses.length - 1] = loss; return; }
    if (this.epochs.length >= POINTS_KEPT) {
      this.epochs = this.epochs.filter((_, i) => i % 2 === 0);
      this.losses = this.losses.filter((_, i) => i % 2 === 0);
    }
    this.epochs.push(epoch);
    this.losses.push(loss);
  }

  /** At most {@code n} of its points, evenly picked, always with the first and the last. */
  thinned(n) {
    const count = this.epochs.length;
    if (count <= n) return { epochs: this.epochs, losses: this.losses };
    const epochs = [], losses = [];
    for (let k = 0; k < n; k++) {
      const i = Math.round(k * (count - 1) / (n - 1));
      epochs.push(this.epochs[i]);
      losses.push(this.losses[i]);
    }
    return { epochs, losses };
  }
}

export class ClassView {
  /** storageKey: where the tab keeps the curves over a reload (the dashboard sees only what comes after it opened). */
  constructor(thumbs, losses, histogram, caption, storageKey) {
    this.thumbs = thumbs;
    this.losses = losses;
    this.histogram = histogram;
    this.caption = caption;
    this.storageKey = storageKey;
    this.tiles = new Map();     // id -> { element, heatmap, drawn }
    this.curves = new Map();    // id -> Curve
    this.cards = new Map();
    this.spotlight = null;
    this.restore();
    // written once as the page goes (a reload, a closed tab), not while it draws
    addEventListener('pagehide', () => this.store());
  }

  /** The curves the tab kept before a reload: students not on the next full roster are dropped with their cards. */
  restore() {
    let kept = null;
    try { kept = JSON.parse(sessionStorage.getItem(this.storageKey) ?? 'null'); } catch { kept = null; }
    if (!kept || typeof kept !== 'object') return;
    for (const [id, points] of Object.entries(kept)) {
      const curve = new Curve();
      if (!Array.isArray(points?.epochs) || !Array.isArray(points?.losses)) continue;
      points.epochs.forEach((e, i) => curve.add(e, points.losses[i]));
      this.curves.set(id, curve);
    }
  }

  store() {
    const kept = {};
    for (const [id, curve] of this.curves) if (curve.epochs.length) kept[id] = curve.thinned(POINTS_STORED);
    try { sessionStorage.setItem(this.storageKey, JSON.stringify(kept)); } catch { /* storage full or off: the curves start again */ }
  }

  /** The dashboard's cards (id -> { data, boundary }) after a roster update. */
  update(cards, spotlight) {
    this.cards = cards;
    this.spotlight = spotlight ?? null;
    for (const [id, card] of cards) {
      if (!card.data) continue;
      let curve = this.curves.get(id);
      if (!curve) { curve = new Curve(); this.curves.set(id, curve); }
      curve.add(card.data.epoch, card.data.lossTest);
    }
    if (cards.size) for (const id of [...this.curves.keys()]) if (!cards.has(id)) this.curves.delete(id);
  }

  /** Draws on the next animation frame: the updates that come within one frame draw once. */
  requestDraw() {
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => { this.drawPending = false; this.draw(); });
  }

  draw() {
    if (this.thumbs.offsetParent === null) return;   // hidden: drawn when shown
    this.drawThumbs();
    this.drawLosses();
    this.drawHistogram();
  }

  sorted() {
    return [...this.cards.entries()].filter(([, c]) => c.data)
      .sort(([, a], [, b]) => a.data.name.localeCompare(b.data.name) || a.data.number - b.data.number);
  }

  drawThumbs() {
    const list = this.sorted();
    for (const [id, tile] of this.tiles) if (!this.cards.has(id)) { tile.element.remove(); this.tiles.delete(id); }
    list.forEach(([id, card], i) => {
      let tile = this.tiles.get(id);
      if (!tile) {
        const element = document.createElement('div');
        element.className = 'class-tile';
        element.dataset.studentId = id;
        const canvas = document.createElement('canvas');
        canvas.className = 'class-thumb';
        const name = document.createElement('div'); name.className = 'class-tile-name';
        const figure = document.createElement('div'); figure.className = 'class-tile-figure';
        element.append(canvas, name, figure);
        tile = { element, name, figure, heatmap: new Heatmap(canvas), drawn: null, shown: '' };
        this.tiles.set(id, tile);
      }
      if (this.thumbs.children[i] !== tile.element) this.thumbs.insertBefore(tile.element, this.thumbs.children[i] ?? null);
      const d = card.data;
      const figure = d.problem === 'regression'
        ? `R² ${fmt(d.metricTest)}` : (Number.isFinite(d.metricTest) ? `${(d.metricTest * 100).toFixed(0)} %` : '–');
      const spotlit = id === this.spotlight;
      // 200 tiles a redraw: the page is touched only where a tile changed (each write costs a style pass)
      const shown = `${d.name}\n${figure}\n${spotlit}\n${d.state}`;
      if (tile.shown !== shown) {
        tile.shown = shown;
        tile.name.textContent = d.name;
        tile.figure.textContent = figure;
        tile.element.classList.toggle('spotlit', spotlit);
        tile.element.dataset.state = d.state;
      }
      const picture = card.boundary?.size ? card.boundary : null;
      const key = picture ?? d.thumbs;
      if (tile.drawn === key) return;
      tile.drawn = key;
      if (picture) drawBoundary(tile.heatmap, picture);
      else drawThumbs(tile.heatmap, d.thumbs, d.thumbCount);
    });
  }

  drawLosses() {
    const canvas = this.losses;
    const c = sized(canvas);
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.width, h = canvas.height;
    c.clearRect(0, 0, w, h);
    let maxEpoch = 1;
    let start = 0;
    const values = [];
    for (const curve of this.curves.values()) {
      if (curve.epochs.length) maxEpoch = Math.max(maxEpoch, curve.epochs[curve.epochs.length - 1]);
      if (curve.losses.length) start = Math.max(start, curve.losses[0]);
      values.push(...curve.losses);
    }
    values.sort((a, b) => a - b);
    // the highest 5 % of losses (a diverging run) would flatten everyone else's curve, but every curve's
    // start is shown whole: a run's first loss is about its highest unless it diverges later
    const p95 = values.length ? values[Math.floor((values.length - 1) * 0.95)] : 0;
    const top = Math.max(p95, start) * 1.05 || 1;
    const left = 70 * ratio, bottom = 40 * ratio, pad = 12 * ratio;
    const xOf = e => left + e / maxEpoch * (w - left - pad);
    const yOf = v => h - bottom - Math.min(1, v / top) * (h - bottom - pad);
    axes(c, ratio, left, bottom, pad, w, h, [`0`, maxEpoch.toLocaleString('en-US')], ['0', top.toPrecision(2)], 'epoch');
    let k = 0;
    const ids = [...this.curves.keys()];
    for (const id of ids) {
      const curve = this.curves.get(id);
      const spot = id === this.spotlight;
      c.strokeStyle = spot ? '#000' : `hsla(${(k++ * 137.5) % 360}, 65%, 45%, .8)`;
      c.lineWidth = (spot ? 4 : 2) * ratio;
      c.beginPath();
      // at most about one point per 2 pixels of the axis: 200 curves of 1,024 points would be 200 k segments a redraw
      const n = curve.epochs.length;
      const stride = Math.max(1, Math.floor(n / Math.max(16, (w - left - pad) / (2 * ratio))));
      for (let i = 0; i < n; i += stride) {
        if (i) c.lineTo(xOf(curve.epochs[i]), yOf(curve.losses[i])); else c.moveTo(xOf(curve.epochs[i]), yOf(curve.losses[i]));
      }
      if (n > 1 && (n - 1) % stride) c.lineTo(xOf(curve.epochs[n - 1]), yOf(curve.losses[n - 1]));
      c.stroke();
    }
  }

  drawHistogram() {
    const cards = this.sorted().map(([, c]) => c.data);
    const regression = cards.filter(d => d.problem === 'regression').length > cards.length / 2;
    const counts = new Array(BINS).fill(0);
    let n = 0;
    for (const d of cards) {
      if (!Number.isFinite(d.metricTest) || (d.problem === 'regression') !== regression) continue;
      const v = Math.max(0, Math.min(1, d.metricTest));
      counts[Math.min(BINS - 1, Math.floor(v * BINS))]++;
      n++;
    }
    this.caption.textContent = `${regression ? 'Test R²' : 'Test accuracy'} of ${n} student${n === 1 ? '' : 's'}`;
    const canvas = this.histogram;
    const c = sized(canvas);
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.width, h = canvas.height;
    c.clearRect(0, 0, w, h);
    const left = 50 * ratio, bottom = 40 * ratio, pad = 12 * ratio;
    const most = Math.max(1, ...counts);
    axes(c, ratio, left, bottom, pad, w, h, regression ? ['0', '1'] : ['0 %', '100 %'], ['0', String(most)], '');
    const bar = (w - left - pad) / BINS;
    c.font = `${18 * ratio}px sans-serif`;
    c.textAlign = 'center';
    counts.forEach((count, i) => {
      const height = count / most * (h - bottom - pad * 3);
      c.fillStyle = '#0877bd';
      c.fillRect(left + i * bar + 2 * ratio, h - bottom - height, bar - 4 * ratio, height);
      if (count) { c.fillStyle = '#183d4e'; c.fillText(String(count), left + (i + 0.5) * bar, h - bottom - height - 6 * ratio); }
    });
  }
}

function fmt(v) { return Number.isFinite(v) ? v.toFixed(2) : '–'; }

/** The canvas at its CSS size in device pixels, and its context. */
function sized(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio)), h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  return canvas.getContext('2d');
}

/** Axes with the first and last label of each, in type large enough for the back of the room. */
function axes(c, ratio, left, bottom, pad, w, h, xLabels, yLabels, xName) {
  c.strokeStyle = '#555';
  c.lineWidth = ratio;
  c.beginPath();
  c.moveTo(left, pad); c.lineTo(left, h - bottom); c.lineTo(w - pad, h - bottom);
  c.stroke();
  c.fillStyle = '#333';
  c.font = `${18 * ratio}px sans-serif`;
  c.textBaseline = 'top';
  c.textAlign = 'left'; c.fillText(xLabels[0], left, h - bottom + 6 * ratio);
  c.textAlign = 'right'; c.fillText(xLabels[1], w - pad, h - bottom + 6 * ratio);
  c.textAlign = 'center'; if (xName) c.fillText(xName, (left + w) / 2, h - bottom + 6 * ratio);
  c.textBaseline = 'middle';
  c.textAlign = 'right';
  c.fillText(yLabels[0], left - 8 * ratio, h - bottom);
  c.fillText(yLabels[1], left - 8 * ratio, pad + 4 * ratio);
  c.textBaseline = 'alphabetic';
}

/** The card's boundary: one canvas pixel per point of the model's grid. */
function drawBoundary(heatmap, b) {
  const grid = bytesOf(b.grid);
  if (b.classes) heatmap.drawClasses(grid, FULL, b.size, 10, true);   // discretized: the confidence is not read
  else heatmap.draw(grid, b.size, false);
}

/** No boundary yet (the class view just opened, or an image run): its 10x10 thumbnail(s), one plane or the likeliest class of several. */
function drawThumbs(heatmap, base64, count) {
  if (!base64 || !count) { heatmap.context.clearRect(0, 0, heatmap.canvas.width, heatmap.canvas.height); return; }
  const bytes = bytesOf(base64);
  if (count === 1) { heatmap.draw(bytes, 10, false); return; }
  const classes = new Uint8Array(100);
  for (let p = 0; p < 100; p++) {
    let best = 0;
    for (let k = 1; k < count; k++) if (bytes[k * 100 + p] > bytes[best * 100 + p]) best = k;
    classes[p] = best;
  }
  heatmap.drawClasses(classes, FULL, 10, count, true);
}
