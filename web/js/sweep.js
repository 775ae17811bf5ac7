// The hyperparameter sweep (Keras Tuner's grid search), to compare settings side by side: pick up to three settings and
// their values; the server trains every combination in the background and reports a table.

import { tap } from './tap.js';

const $ = id => document.getElementById(id);
const AXES = 3;

/** Wires the sweep panel: its form sends `sweep`, its table shows the `sweep` reports. */
export function installSweep(socket) {
  const panel = $('sweep');
  if (!panel) return;
  let report = null;
  let sort = { column: 'lossTest', ascending: true };
  let running = false;

  for (let i = 0; i < AXES; i++) {
    const select = $(`sweep-key-${i}`);
    select.addEventListener('change', () => {
      const values = $(`sweep-values-${i}`);
      const example = select.selectedOptions[0]?.dataset.example;
      if (example && !values.value) values.value = example;
    });
  }
  $('sweep-run').addEventListener('click', () => {
    const vary = {};
    for (let i = 0; i < AXES; i++) {
      const key = $(`sweep-key-${i}`).value;
      if (!key) continue;
      vary[key] = $(`sweep-values-${i}`).value.split(',').map(v => v.trim()).filter(v => v !== '');
    }
    if (Object.keys(vary).length === 0) { status('Choose at least one setting to vary.'); return; }
    const sent = socket.send({
      type: 'sweep', vary,
      epochs: Number($('sweep-epochs').value), seeds: Number($('sweep-seeds').value), target: Number($('sweep-target').value),
    });
    if (!sent) { status('Not connected.'); return; }
    running = true;
    setRunning(true);
    status('Starting…');
  });
  $('sweep-cancel').addEventListener('click', () => {
    socket.send({ type: 'cancelSweep' });
    running = false;
    setRunning(false);
    status('Cancelled.');
  });

  tap(socket, {
    onMessage: message => {
      if (message.type === 'error' && running && !message.request) { running = false; setRunning(false); status(message.message); }
      if (message.type !== 'sweep' || (!running && message.state === 'running')) return;
      if (message.state === 'error') { running = false; setRunning(false); status(message.message); return; }
      report = message;
      const progress = (message.done + (message.epochs ? message.currentEpoch / message.epochs : 0)) / Math.max(1, message.total);
      $('sweep-progress').value = message.state === 'done' ? 1 : progress;
      status(message.state === 'done' ? `Done: ${message.total} trainings.` : `${message.done} of ${message.total} trainings done…`);
      if (message.state === 'done') { running = false; setRunning(false); }
      $('sweep').dataset.state = message.state;
      render();
    },
    onClose: () => { if (running) { running = false; setRunning(false); status('Connection lost: the sweep stopped.'); } },
  });

  function columns() {
    const metric = report.metric === 'r2' ? 'R²' : 'accuracy';
    return [
      ...report.keys.map(k => ({ id: `v:${k}`, label: k, value: r => r.values[k], text: true })),
      ...(report.rows.some(r => r.seed !== report.rows[0].seed) ? [{ id: 'seed', label: 'seed', value: r => r.seed, text: true }] : []),
      { id: 'lossTrain', label: 'loss', value: r => r.lossTrain },
      { id: 'lossTest', label: 'test loss', value: r => r.lossTest },
      { id: 'metricTrain', label: metric, value: r => r.metricTrain },
      { id: 'metricTest', label: `test ${metric}`, value: r => r.metricTest },
      { id: 'epochsToTarget', label: `epochs to ${report.target}`, value: r => r.epochsToTarget },
      { id: 'note', label: '', value: r => r.note ?? '', text: true },
    ];
  }

  function sortedRows(cols) {
    const col = cols.find(c => c.id === sort.column) ?? cols.find(c => c.id === 'lossTest');
    const key = r => { const v = col.value(r); return v == null || (typeof v === 'number' && !Number.isFinite(v)) ? null : v; };
    return [...report.rows].sort((a, b) => {
      const x = key(a), y = key(b);
      if (x === y) return a.index - b.index;
      if (x == null) return 1;
      if (y == null) return -1;
      const order = col.text ? String(x).localeCompare(String(y), undefined, { numeric: true }) : x - y;
      return sort.ascending ? order : -order;
    });
  }

  function render() {
    const table = $('sweep-table');
    table.replaceChildren();
    if (!report || report.rows.length === 0) return;
    const cols = columns();
    const head = table.createTHead().insertRow();
    for (const c of cols) {
      const th = document.createElement('th');
      th.textContent = c.label + (sort.column === c.id ? (sort.ascending ? ' ▲' : ' ▼') : '');
      th.dataset.column = c.id;
      th.addEventListener('click', () => {
        sort = { column: c.id, ascending: sort.column === c.id ? !sort.ascending : !c.id.startsWith('metric') };
        render();
      });
      head.appendChild(th);
    }
    const body = table.createTBody();
    const rows = sortedRows(cols);
    for (const r of rows) {
      const tr = body.insertRow();
      tr.title = 'Open this combination as a playground';
      tr.dataset.link = r.link;
      tr.addEventListener('click', () => { location.hash = r.link; window.scrollTo({ top: 0, behavior: 'smooth' }); });
      for (const c of cols) {
        const v = c.value(r);
        tr.insertCell().textContent = v == null ? '–' : typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(4)) : v;
      }
    }
    plot(rows);
  }

  /** One bar per training in the table's order: its test loss (training loss without test data). */
  function plot(rows) {
    const canvas = $('sweep-plot');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    canvas.height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    const c = canvas.getContext('2d');
    const w = canvas.width, h = canvas.height, pad = 14 * ratio;
    c.clearRect(0, 0, w, h);
    const loss = r => r.lossTest ?? r.lossTrain;
    const values = rows.map(loss).filter(Number.isFinite);
    if (values.length === 0) return;
    const max = Math.max(...values) || 1;
    const bar = (w - pad) / rows.length;
    c.font = `${10 * ratio}px sans-serif`;
    rows.forEach((r, i) => {
      const v = loss(r);
      if (!Number.isFinite(v)) return;
      const bh = (h - 2 * pad) * v / max;
      c.fillStyle = i === 0 ? '#2ca02c' : '#0877bd';
      c.fillRect(pad + i * bar + 1, h - pad - bh, Math.max(1, bar - 2), bh);
    });
    c.fillStyle = '#555';
    c.fillText(`test loss per training (max ${max.toFixed(3)}), in the table's order`, pad, pad - 3 * ratio);
  }

  function setRunning(on) {
    $('sweep-run').disabled = on;
    $('sweep-cancel').disabled = !on;
    if (on) $('sweep-progress').value = 0;
  }

  function status(text) { $('sweep-status').textContent = text; }
}
