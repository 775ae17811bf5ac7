// The course views, to show what happens inside the training: confusion matrix, predicted vs actual, each layer's gradient size.
// They ask the server for `insights` messages only while their panel is open (docs/protocol.md).

import { tap } from './tap.js';
import { classCssColor } from './heatmap.js';

const $ = id => document.getElementById(id);
const LAYER_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#333'];

/** Wires the views to the socket; the panel's open state decides whether the server sends them. */
export function installInsights(socket) {
  const panel = $('insights');
  if (!panel) return;
  const wanted = () => panel.open;
  const tell = () => socket.send({ type: 'insights', on: wanted() });
  panel.addEventListener('toggle', tell);
  let epoch = 0;
  tap(socket, {
    onOpen: tell,
    onMessage: message => {
      if (message.type === 'session') { clear(message); }
      if (message.type === 'insights') show(message, epoch);
    },
    // a reset starts at epoch 0 again: the last run's best epoch is no news for this one
    onFrame: frame => {
      if (frame.epoch < epoch) { $('best-epoch-marker').hidden = true; $('best-epoch-text').textContent = ''; }
      epoch = frame.epoch;
    },
  });
}

function clear(session) {
  const classes = session.problem === 'classification';
  $('confusion-matrix').hidden = !classes;
  $('pred-vs-actual').hidden = classes;
  $('confusion-matrix').replaceChildren();
  blank($('gradient-canvas'));
  blank($('pred-canvas'));
  $('best-epoch-marker').hidden = true;
  $('best-epoch-text').textContent = '';
}

function show(report, frameEpoch) {
  if (report.confusionTrain) showConfusion(report);
  if (report.predTrain) showPredictions(report);
  showGradients(report.gradients);
  showBestEpoch(report.bestEpoch, Math.max(report.epoch, frameEpoch));
  const rate = $('insights-rate');
  rate.textContent = `learning rate now ${Number(report.learningRate.toPrecision(3))}`;
}

/** Two tables, training and test: counts with each row's share, class names on both axes. */
function showConfusion(report) {
  const box = $('confusion-matrix');
  box.replaceChildren();
  box.dataset.epoch = report.epoch;
  const tables = [['Training', report.confusionTrain], ['Test', report.confusionTest]];
  for (const [label, counts] of tables) {
    if (!counts) continue;
    const table = document.createElement('table');
    table.className = 'confusion';
    table.dataset.set = label.toLowerCase();
    let total = 0, correct = 0;
    counts.forEach((row, a) => row.forEach((n, p) => { total += n; if (a === p) correct += n; }));
    table.dataset.total = total;
    table.createCaption().textContent = `${label}: ${correct} of ${total} right`;
    const head = table.createTHead().insertRow();
    head.insertCell().textContent = 'actual \\ predicted';
    report.classNames.forEach((name, k) => { const th = document.createElement('th'); th.textContent = name; th.style.color = classCssColor(k); head.appendChild(th); });
    const body = table.createTBody();
    counts.forEach((row, a) => {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.textContent = report.classNames[a];
      th.style.color = classCssColor(a);
      tr.appendChild(th);
      const rowTotal = row.reduce((s, n) => s + n, 0);
      row.forEach((n, p) => {
        const cell = tr.insertCell();
        const share = rowTotal ? n / rowTotal : 0;
        cell.innerHTML = `<b>${n}</b><small>${(share * 100).toFixed(0)}%</small>`;
        cell.className = a === p ? 'hit' : 'miss';
        cell.style.setProperty('--share', share.toFixed(3));
      });
    });
    box.appendChild(table);
  }
}

/** Scatter of prediction against target: on the diagonal is perfect; R^2 says how close. */
function showPredictions(report) {
  const canvas = $('pred-canvas');
  const c = fit(canvas);
  const w = canvas.width, h = canvas.height, pad = 6 * (window.devicePixelRatio || 1);
  const all = [...report.predTrain, ...(report.predTest ?? [])];
  let lo = Infinity, hi = -Infinity;
  for (const [a, p] of all) { lo = Math.min(lo, a, p); hi = Math.max(hi, a, p); }
  if (!(hi > lo)) { hi = lo + 1; }
  const x = v => pad + (v - lo) / (hi - lo) * (w - 2 * pad);
  const y = v => h - pad - (v - lo) / (hi - lo) * (h - 2 * pad);
  c.clearRect(0, 0, w, h);
  c.strokeStyle = '#999';
  c.setLineDash([4, 4]);
  c.beginPath(); c.moveTo(x(lo), y(lo)); c.lineTo(x(hi), y(hi)); c.stroke();
  c.setLineDash([]);
  const dot = (points, colour) => {
    c.fillStyle = colour;
    for (const [a, p] of points) { c.beginPath(); c.arc(x(a), y(p), 2 * (window.devicePixelRatio || 1), 0, 2 * Math.PI); c.fill(); }
  };
  c.fillStyle = '#999';
  c.font = `${9 * (window.devicePixelRatio || 1)}px sans-serif`;
  c.fillText(`predicted ↑ (${lo.toPrecision(2)} to ${hi.toPrecision(2)})`, pad, pad + 8);
  c.fillText('actual →', w - pad - c.measureText('actual →').width, h - pad - 2);
  dot(report.predTrain, 'rgba(8, 119, 189, 0.45)');
  if (report.predTest) dot(report.predTest, 'rgba(245, 147, 34, 0.8)');
  const r2 = v => v == null ? '–' : v.toFixed(3);
  $('pred-r2').textContent = `R² training ${r2(report.r2Train)}, test ${r2(report.r2Test)}`;
  canvas.dataset.points = all.length;
  canvas.dataset.r2Test = report.r2Test ?? '';
}

/** One line per layer, log scale: a vanishing gradient shows as the first layers far below the last. */
function showGradients(g) {
  const canvas = $('gradient-canvas');
  const legend = $('gradient-legend');
  if (!g) { blank(canvas); legend.textContent = ''; return; }
  const c = fit(canvas);
  const w = canvas.width, h = canvas.height, pad = 4 * (window.devicePixelRatio || 1);
  let lo = Infinity, hi = -Infinity;
  for (const s of g.layers) for (const v of s) if (v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  c.clearRect(0, 0, w, h);
  if (!(hi >= lo)) return;
  const lLo = Math.floor(Math.log10(lo)), lHi = Math.max(lLo + 1, Math.ceil(Math.log10(hi)));
  const n = g.epochs.length;
  const x = i => pad + (n <= 1 ? 0.5 : i / (n - 1)) * (w - 2 * pad);
  const y = v => h - pad - (Math.log10(Math.max(v, lo)) - lLo) / (lHi - lLo) * (h - 2 * pad);
  c.strokeStyle = '#eee';
  c.fillStyle = '#999';
  c.font = `${9 * (window.devicePixelRatio || 1)}px sans-serif`;
  const labelEvery = Math.max(1, Math.ceil((lHi - lLo) / 6));
  for (let d = lLo; d <= lHi; d++) {
    const yy = y(10 ** d);
    c.beginPath(); c.moveTo(0, yy); c.lineTo(w, yy); c.stroke();
    if ((d - lLo) % labelEvery === 0) c.fillText(`1e${d}`, 2, Math.max(10, yy - 2));
  }
  c.lineWidth = 1.5 * (window.devicePixelRatio || 1);
  g.layers.forEach((s, l) => {
    c.strokeStyle = LAYER_COLOURS[l % LAYER_COLOURS.length];
    c.beginPath();
    s.forEach((v, i) => (i ? c.lineTo(x(i), y(v)) : c.moveTo(x(i), y(v))));
    c.stroke();
  });
  const first = g.layers[0].at(-1), last = g.layers.at(-1).at(-1);
  canvas.dataset.first = first;
  canvas.dataset.last = last;
  canvas.dataset.layers = g.layers.length;
  legend.replaceChildren(...g.layers.map((s, l) => {
    const item = document.createElement('span');
    item.style.color = LAYER_COLOURS[l % LAYER_COLOURS.length];
    item.textContent = `${l + 1 === g.layers.length ? 'output' : 'layer ' + (l + 1)} ${s.at(-1).toExponential(1)}`;
    return item;
  }));
  $('gradient-ratio').textContent = first > 0
    ? `last layer / first layer: ${(last / first).toPrecision(3)}× (10^${lLo} to 10^${lHi})` : '';
}

/** Early stopping's best epoch, marked over the loss chart (its x axis runs from epoch 0 to now). */
function showBestEpoch(best, epoch) {
  const marker = $('best-epoch-marker');
  const chart = $('linechart');
  if (best == null || best < 0 || !chart || epoch <= 0) { marker.hidden = true; $('best-epoch-text').textContent = ''; return; }
  if (marker.parentElement !== chart) chart.appendChild(marker);
  marker.hidden = false;
  marker.style.left = `${Math.min(100, best / epoch * 100)}%`;
  marker.title = `best test loss at epoch ${best}`;
  marker.dataset.epoch = best;
  $('best-epoch-text').textContent = `Early stopping: best epoch ${best}`;
}

function fit(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio)), h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  return canvas.getContext('2d');
}

function blank(canvas) { canvas?.getContext('2d').clearRect(0, 0, canvas.width, canvas.height); }
