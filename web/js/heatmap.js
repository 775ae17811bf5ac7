// Canvas heatmaps. Renderers take plain numbers: byte grids, sizes and flags, never a network.

const ORANGE = [0xf5, 0x93, 0x22];
const GREY = [0xe8, 0xea, 0xeb];
const BLUE = [0x08, 0x77, 0xbd];
const NUM_SHADES = 30;
const BACKGROUND_ALPHA = 160;   // TF Playground draws the background at this alpha

/** Colours of classes 0, 1, 2, ... (0 and 1 are TF's orange and blue). */
export const CLASS_COLORS = [ORANGE, BLUE, [0x2c, 0xa0, 0x2c], [0x94, 0x67, 0xbd], [0xd6, 0x27, 0x28],
  [0x8c, 0x56, 0x4b], [0xe3, 0x77, 0xc2], [0x7f, 0x7f, 0x7f], [0xbc, 0xbd, 0x22], [0x17, 0xbe, 0xcf]];

function mix(a, b, t) { return [0, 1, 2].map(i => Math.round(a[i] + (b[i] - a[i]) * t)); }

/** Which of TF's 31 shades (d3.scale.quantize over [-1, 1]) shows v. */
export function shadeOf(v) {
  return Math.max(0, Math.min(NUM_SHADES, Math.floor((v + 1) / 2 * (NUM_SHADES + 1)))) || 0;
}

function shadeColor(index) {
  const t = index / NUM_SHADES;
  return t <= 0.5 ? mix(ORANGE, GREY, t * 2) : mix(GREY, BLUE, (t - 0.5) * 2);
}

/** TF's diverging scale for v in [-1, 1]. */
export function colorOf(v) { return shadeColor(shadeOf(v)); }

/** CSS colours of the 31 shades. */
export const SHADE_CSS = Array.from({ length: NUM_SHADES + 1 }, (_, i) => `rgb(${shadeColor(i).join(',')})`);

export function cssColorOf(v) { const [r, g, b] = colorOf(v); return `rgb(${r},${g},${b})`; }

export function classCssColor(k) { const [r, g, b] = CLASS_COLORS[k % CLASS_COLORS.length]; return `rgb(${r},${g},${b})`; }

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function packed([r, g, b], a) { return littleEndian ? (a << 24 | b << 16 | g << 8 | r) >>> 0 : (r << 24 | g << 16 | b << 8 | a) >>> 0; }

/** Byte value q (round((v+1)/2*255)) to packed RGBA, smooth and discretized. */
const SCALAR_LUT = new Uint32Array(256);
const DISCRETE_LUT = new Uint32Array(256);
for (let q = 0; q < 256; q++) {
  const v = q / 255 * 2 - 1;
  SCALAR_LUT[q] = packed(colorOf(v), BACKGROUND_ALPHA);
  DISCRETE_LUT[q] = packed(v >= 0 ? BLUE : ORANGE, BACKGROUND_ALPHA);
}

/** Byte value q to packed RGBA of SCALAR_LUT's colour drawn over white: opaque, for putImageData onto white nodes. */
export const OPAQUE_LUT = new Uint32Array(256);
for (let q = 0; q < 256; q++) {
  const a = BACKGROUND_ALPHA / 255;
  OPAQUE_LUT[q] = packed(colorOf(q / 255 * 2 - 1).map(c => Math.round(c * a + 255 * (1 - a))), 255);
}

/** Per class: confidence byte to packed RGBA, grey (chance) to the class colour (certain). */
const CLASS_LUTS = CLASS_COLORS.map(colour => {
  const lut = new Uint32Array(256);
  for (let q = 0; q < 256; q++) lut[q] = packed(mix(GREY, colour, q / 255), BACKGROUND_ALPHA);
  return lut;
});

/** A canvas showing a square byte grid (one canvas pixel per cell, scaled by CSS). */
export class Heatmap {
  constructor(canvas) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.image = null;
  }

  ensureSize(size) {
    if (this.image && this.image.width === size) return;
    this.canvas.width = size;
    this.canvas.height = size;
    this.image = this.context.createImageData(size, size);
    this.pixels = new Uint32Array(this.image.data.buffer);
  }

  /** Scalar mode: grid holds size*size bytes of values in [-1, 1]; discretize shows only the sign. */
  draw(grid, size, discretize, offset = 0) {
    this.ensureSize(size);
    const lut = discretize ? DISCRETE_LUT : SCALAR_LUT;
    const pixels = this.pixels;
    for (let i = 0, n = size * size; i < n; i++) pixels[i] = lut[grid[offset + i]];
    this.context.putImageData(this.image, 0, 0);
  }

  /** Class mode: class index per cell and confidence (0 = chance, 255 = certain); the colour fades to grey. */
  drawClasses(classes, confidence, size, numClasses, discretize) {
    this.ensureSize(size);
    const pixels = this.pixels;
    for (let i = 0, n = size * size; i < n; i++) {
      const k = classes[i] % CLASS_COLORS.length;
      pixels[i] = discretize ? CLASS_LUTS[k][255] : CLASS_LUTS[k][confidence[i]];
    }
    this.context.putImageData(this.image, 0, 0);
  }
}

/** The value of an input feature at (x, y), for the feature thumbnails (fixed functions of the plane). */
export const FEATURE_FUNCTIONS = {
  x: (x, y) => x, y: (x, y) => y, xSquared: (x, y) => x * x, ySquared: (x, y) => y * y,
  xTimesY: (x, y) => x * y, sinX: (x, y) => Math.sin(x), sinY: (x, y) => Math.sin(y),
};

/** A byte grid (size x size over [-6, 6]^2, row 0 at y = +6) of a function, clamped to [-1, 1]. */
export function gridOf(f, size) {
  const grid = new Uint8Array(size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = Math.max(-1, Math.min(1, f(-6 + 12 * c / (size - 1), 6 - 12 * r / (size - 1))));
      grid[r * size + c] = Math.round((v + 1) / 2 * 255);
    }
  }
  return grid;
}

/**
 * Draws the data points on a transparent canvas over the heatmap: points [x, y, label] in [-6, 6]^2.
 * Labels are -1..1 (two classes or regression), class indices when numClasses > 2, or values in
 * {@code range} ([lo, hi], regression data beyond -1..1).
 */
export function drawPoints(canvas, train, test, numClasses, showTest, grid = { min: -6, max: 6, yMin: -6, yMax: 6 }, range = null) {
  const context = canvas.getContext('2d');
  const w = canvas.width, h = canvas.height;
  context.clearRect(0, 0, w, h);
  // a few points (the XOR table, the alien planet) are drawn large enough to see and hover
  const count = train.length + (showTest ? test.length : 0);
  const radius = Math.max(2, w / 200 * (count <= 20 ? 5 : 1.5));
  const xMin = grid.min, xSpan = grid.max - grid.min;
  const yMax = grid.yMax ?? grid.max, ySpan = yMax - (grid.yMin ?? grid.min);
  // regression labels beyond [-1, 1] take the colours of the range the output map uses (session.outputRange)
  const [lo, hi] = range ?? [-1, 1];
  const colour = numClasses > 2 ? label => classCssColor(label) : label => cssColorOf(2 * (label - lo) / (hi - lo) - 1);
  const plot = (points, stroke) => {
    context.lineWidth = Math.max(1, w / 300);
    context.strokeStyle = stroke;
    for (const [x, y, label] of points) {
      const px = (x - xMin) / xSpan * w, py = (yMax - y) / ySpan * h;
      context.beginPath();
      context.arc(px, py, radius, 0, 2 * Math.PI);
      context.fillStyle = colour(label);
      context.fill();
      context.stroke();
    }
  };
  plot(train, 'white');
  if (showTest) plot(test, 'black');
}

/** The colour legend: TF's -1..1 gradient. */
export function drawLegend(canvas) {
  const context = canvas.getContext('2d');
  for (let i = 0; i < canvas.width; i++) {
    context.fillStyle = cssColorOf(i / (canvas.width - 1) * 2 - 1);
    context.fillRect(i, 0, 1, canvas.height);
  }
}
