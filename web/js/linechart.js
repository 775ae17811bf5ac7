// The loss chart: every epoch's training and test loss on a canvas, drawn in time independent of
// the epoch count (a min/max pyramid picks about two points per pixel column).

/** A growable series with min/max per block of 2^k epochs, k = 1, 2, ... */
class Series {
  constructor() { this.length = 0; this.values = new Float32Array(1024); this.levels = []; }

  clear() { this.length = 0; this.levels = []; }

  truncate(n) {
    if (n >= this.length) return;
    // Rebuilding is rare (reset); keep it simple.
    const kept = this.values.slice(0, n);
    this.clear();
    for (const v of kept) this.push(v);
  }

  push(v) {
    while ((1 << this.levels.length) < this.length + 1) this.addLevel();
    if (this.length === this.values.length) this.values = grow(this.values);
    const i = this.length++;
    this.values[i] = v;
    if (Number.isFinite(v)) for (let k = 1; k <= this.levels.length; k++) this.levels[k - 1].add(i >> k, v);
  }

  /** Level k (blocks of 2^k epochs) built from the epochs so far. */
  addLevel() {
    const k = this.levels.length + 1;
    const level = new MinMax();
    for (let i = 0; i < this.length; i++) if (Number.isFinite(this.values[i])) level.add(i >> k, this.values[i]);
    this.levels.push(level);
  }
}

class MinMax {
  constructor() { this.min = new Float32Array(256).fill(NaN); this.max = new Float32Array(256).fill(NaN); }

  add(b, v) {
    if (b >= this.min.length) { this.min = grow(this.min, NaN); this.max = grow(this.max, NaN); }
    if (!(this.min[b] <= v)) this.min[b] = v;
    if (!(this.max[b] >= v)) this.max[b] = v;
  }
}

function grow(array, fill) {
  const bigger = new Float32Array(array.length * 2);
  if (fill !== undefined) bigger.fill(fill);
  bigger.set(array);
  return bigger;
}

export class LineChart {
  /** colours: training then test, as TF Playground ("#777", "black"). */
  constructor(canvas, colours = ['#777', '#000']) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.colours = colours;
    this.series = [new Series(), new Series()];
    this.min = Infinity;
    this.max = -Infinity;
  }

  reset() { this.series.forEach(s => s.clear()); this.min = Infinity; this.max = -Infinity; }

  /** Adds the losses of epochs first, first+1, ...; earlier history (after a reset) is dropped. */
  append(first, train, test) {
    const [a, b] = this.series;
    if (first < a.length) {
      a.truncate(first); b.truncate(first);
      this.recomputeRange();
    }
    while (a.length < first) { a.push(NaN); b.push(NaN); }
    for (let i = 0; i < train.length; i++) {
      a.push(train[i]); b.push(test[i]);
      this.extend(train[i]); this.extend(test[i]);
    }
  }

  extend(v) { if (Number.isFinite(v)) { if (v < this.min) this.min = v; if (v > this.max) this.max = v; } }

  recomputeRange() {
    this.min = Infinity; this.max = -Infinity;
    for (const s of this.series) for (let i = 0; i < s.length; i++) this.extend(s.values[i]);
  }

  get epochs() { return this.series[0].length; }

  /** Reads the canvas's CSS size (call on resize only: reading layout while drawing forces a reflow). */
  resize() {
    const ratio = window.devicePixelRatio || 1;
    this.ratio = ratio;
    this.canvas.width = Math.max(1, Math.round(this.canvas.clientWidth * ratio));
    this.canvas.height = Math.max(1, Math.round(this.canvas.clientHeight * ratio));
  }

  draw() {
    if (!this.ratio) this.resize();
    const ratio = this.ratio, w = this.canvas.width, h = this.canvas.height;
    const c = this.context;
    c.clearRect(0, 0, w, h);
    const n = this.epochs;
    if (n === 0 || !(this.max >= this.min)) return;
    const pad = 2 * ratio;
    const span = this.max - this.min || 1;
    const xOf = i => pad + (n <= 1 ? 0 : i / (n - 1)) * (w - 2 * pad);
    const yOf = v => h - pad - (v - this.min) / span * (h - 2 * pad);
    const k = Math.max(0, Math.floor(Math.log2(n / w)));
    c.lineWidth = ratio;
    this.series.forEach((s, index) => {
      c.strokeStyle = this.colours[index];
      c.beginPath();
      let started = false;
      const point = (x, v) => {
        if (!Number.isFinite(v)) { started = false; return; }
        if (started) c.lineTo(x, yOf(v)); else { c.moveTo(x, yOf(v)); started = true; }
      };
      if (k === 0 || !s.levels[k - 1]) {
        for (let i = 0; i < n; i++) point(xOf(i), s.values[i]);
      } else {
        const level = s.levels[k - 1];
        const blocks = Math.ceil(n / (1 << k));
        for (let b = 0; b < blocks; b++) {
          const x = xOf(Math.min(n - 1, b << k));
          point(x, level.max[b]);
          point(x, level.min[b]);
        }
      }
      c.stroke();
    });
  }
}
