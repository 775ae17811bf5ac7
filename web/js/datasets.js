// The data set thumbnails: the real points of every built-in data set from GET /api/datasets, and
// stylised icons from small generators until they arrive (or if they cannot). Click sends
// set dataset=... (or regDataset=...).

import { cssColorOf, classCssColor } from './heatmap.js';

function random(seed) {            // mulberry32: a fixed stream so icons never flicker
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(r) { return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()); }

/** Stylised points [x, y, label] per data set (labels -1/+1, class indices, or regression values). */
const ICONS = {
  circle: r => Array.from({ length: 160 }, (_, i) => {
    const inside = i % 2 === 0, radius = inside ? r() * 2.5 : 3.5 + r() * 1.5, a = r() * 2 * Math.PI;
    return [radius * Math.sin(a), radius * Math.cos(a), inside ? 1 : -1];
  }),
  xor: r => Array.from({ length: 160 }, () => {
    const x = (r() * 10 - 5), y = (r() * 10 - 5);
    return [x + Math.sign(x) * 0.3, y + Math.sign(y) * 0.3, x * y >= 0 ? 1 : -1];
  }),
  gauss: r => Array.from({ length: 160 }, (_, i) => {
    const c = i % 2 ? 2 : -2;
    return [c + normal(r), c + normal(r), i % 2 ? 1 : -1];
  }),
  spiral: r => spiral(r, 2, 80),
  moons: r => Array.from({ length: 160 }, (_, i) => {
    const a = r() * Math.PI, upper = i % 2 === 0;
    return upper ? [-1.5 + 3 * Math.cos(a), -0.5 + 3 * Math.sin(a), 1] : [1.5 - 3 * Math.cos(a), 0.5 - 3 * Math.sin(a), -1];
  }),
  checkerboard: r => Array.from({ length: 200 }, () => {
    const x = r() * 12 - 6, y = r() * 12 - 6;
    return [x, y, (Math.floor(x / 3) + Math.floor(y / 3)) % 2 === 0 ? 1 : -1];
  }),
  curve: r => Array.from({ length: 160 }, () => {
    const x = r() * 12 - 6, y = r() * 12 - 6;
    return [x, y, y > 3 * Math.sin(x) ? 1 : -1];
  }),
  blobs3: r => blobs(r, 3),
  blobs4: r => blobs(r, 4),
  spiral3: r => spiral(r, 3, 60),
  alien: () => [[-4, -4, -1], [-3, -1, -1], [-1, -3, -1], [0, 0, 1], [1, 3, 1], [3, 1, 1], [4, 4, 1], [2, -2, -1]],
  'xor-table': () => [[-4, -4, 1], [4, 4, 1], [-4, 4, -1], [4, -4, -1]],
  'reg-plane': r => Array.from({ length: 200 }, () => {
    const x = r() * 12 - 6, y = r() * 12 - 6;
    return [x, y, (x + y) / 12];
  }),
  'reg-gauss': r => Array.from({ length: 200 }, () => {
    const x = r() * 12 - 6, y = r() * 12 - 6;
    const bump = (cx, cy, s) => s * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 4);
    return [x, y, bump(-3, 2, 1) + bump(3, -2, -1) + bump(2, 3, 0.8) + bump(-2, -3, -0.8)];
  }),
};

function spiral(r, arms, perArm) {
  const points = [];
  for (let k = 0; k < arms; k++) {
    for (let i = 0; i < perArm; i++) {
      const t = i / perArm * 1.75 * 2 * Math.PI, radius = i / perArm * 5;
      const a = t + k * 2 * Math.PI / arms;
      points.push([radius * Math.sin(a) + normal(r) * 0.15, radius * Math.cos(a) + normal(r) * 0.15,
        arms === 2 ? (k === 0 ? 1 : -1) : k]);
    }
  }
  return points;
}

function blobs(r, k) {
  return Array.from({ length: 40 * k }, (_, i) => {
    const c = i % k, a = c * 2 * Math.PI / k + 0.5;
    return [3.5 * Math.cos(a) + normal(r) * 0.9, 3.5 * Math.sin(a) + normal(r) * 0.9, c];
  });
}

const MULTI_CLASS = new Set(['blobs3', 'blobs4', 'spiral3']);

function draw(canvas, points, multiClass) {
  const c = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height;
  c.fillStyle = '#f7f7f7';
  c.fillRect(0, 0, w, h);
  const extent = Math.max(6, ...points.map(p => Math.max(Math.abs(p[0]), Math.abs(p[1]))));
  for (const [x, y, label] of points) {
    c.fillStyle = multiClass ? classCssColor(label) : cssColorOf(Math.max(-1, Math.min(1, label)));
    c.beginPath();
    c.arc((x + extent) / (2 * extent) * w, (extent - y) / (2 * extent) * h, points.length < 20 ? 3 : 1.6, 0, 2 * Math.PI);
    c.fill();
  }
}

/**
 * The digits have no plane to plot: their thumbnail shows a few handwritten-looking digits, white on
 * black as MNIST's images are (round strokes, each a little tilted).
 */
function drawDigits(canvas) {
  const c = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height;
  c.fillStyle = '#000';
  c.fillRect(0, 0, w, h);
  c.fillStyle = '#fff';
  c.textAlign = 'center';
  c.textBaseline = 'middle';
  c.font = `${Math.round(h * 0.42)}px "Comic Sans MS", "Segoe Print", cursive, sans-serif`;
  const digits = [['3', -0.12], ['7', 0.1], ['4', 0.08], ['1', -0.08]];
  digits.forEach(([digit, tilt], i) => {
    c.save();
    c.translate((i % 2 + 0.5) * w / 2, (Math.floor(i / 2) + 0.5) * h / 2);
    c.rotate(tilt);
    c.fillText(digit, 0, 0);
    c.restore();
  });
}

/** Fashion-MNIST's thumbnail: a T-shirt and a pair of trousers, grey on black as its images are. */
function drawClothes(canvas) {
  const c = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height;
  c.fillStyle = '#000';
  c.fillRect(0, 0, w, h);
  const shape = (colour, points) => {
    c.fillStyle = colour;
    c.beginPath();
    points.forEach(([x, y], i) => (i ? c.lineTo : c.moveTo).call(c, x * w, y * h));
    c.closePath();
    c.fill();
  };
  // the T-shirt on the left, the trousers on the right (coordinates as fractions of the canvas)
  shape('#ddd', [[0.17, 0.2], [0.25, 0.16], [0.33, 0.2], [0.41, 0.16], [0.5, 0.2], [0.55, 0.34], [0.46, 0.37],
    [0.46, 0.82], [0.2, 0.82], [0.2, 0.37], [0.11, 0.34]]);
  shape('#aaa', [[0.62, 0.16], [0.9, 0.16], [0.93, 0.86], [0.8, 0.86], [0.76, 0.36], [0.72, 0.86], [0.59, 0.86]]);
}

const DRAWN = { mnist: drawDigits, fashion: drawClothes };

export class DatasetPicker {
  /** onPick(key, value): sends set dataset=... or regDataset=... */
  constructor(onPick) {
    for (const box of document.querySelectorAll('.dataset')) {
      const name = box.dataset.dataset;
      if (DRAWN[name]) DRAWN[name](box.querySelector('canvas'));
      else draw(box.querySelector('canvas'), (ICONS[name] ?? (() => []))(random(7)), MULTI_CLASS.has(name));
      const key = box.parentElement.dataset.key;
      const pick = () => onPick(key, name);
      box.addEventListener('click', pick);
      box.addEventListener('keydown', e => { if (e.key === 'Enter') pick(); });
    }
  }

  /** Replaces the icons by each data set's real points. */
  async loadRealPoints(url = '/api/datasets') {
    try {
      const response = await fetch(url);
      if (!response.ok) return;
      const sets = await response.json();
      for (const [name, set] of Object.entries(sets)) {
        const canvas = document.querySelector(`.dataset[data-dataset="${CSS.escape(name)}"] canvas`);
        if (canvas && set.points?.length) draw(canvas, set.points, set.numClasses > 2);
      }
    } catch (e) {
      console.warn('data set thumbnails: keeping the icons', e);
    }
  }

  /**
   * Shows the list of the current problem and marks the chosen set: none while the run's data is the
   * student's own (the server's link says data=local), whose name is shown instead.
   */
  update(state, csvName) {
    const regression = state.get('problem') === 'regression';
    const own = state.get('data') === 'local';
    document.getElementById('datasets').hidden = regression;
    document.getElementById('reg-datasets').hidden = !regression;
    document.getElementById('csv-name').textContent = !own ? ''
      : `In use: ${csvName ?? 'your own data'} (the link says data=local: it cannot carry the file)`;
    const chosen = own ? null : regression ? state.get('regDataset') : state.get('dataset');
    for (const box of document.querySelectorAll('.dataset')) box.classList.toggle('selected', box.dataset.dataset === chosen);
  }
}
