// Read-outs: epoch, losses, accuracy or R^2, the model summary, the diverged notice and toasts.

const $ = id => document.getElementById(id);

/** Writes text only when it changed (each write invalidates layout). */
function setText(id, text) { const e = $(id); if (e.textContent !== text) e.textContent = text; }

/** TF Playground's epoch format: zero-padded to 6 digits with commas ("000,010"). */
export function formatEpoch(n) {
  return String(n).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** TF's loss format: 3 decimals. */
export function formatLoss(v) { return Number.isFinite(v) ? v.toFixed(3) : '–'; }

export function showFrame(frame, problem) {
  setText('iter-number', formatEpoch(frame.epoch));
  setText('loss-train', formatLoss(frame.lossTrain));
  setText('loss-test', formatLoss(frame.lossTest));
  const metric = problem === 'regression'
    ? v => (Number.isFinite(v) ? v.toFixed(3) : '–')
    : v => (Number.isFinite(v) ? (v * 100).toFixed(1) + '%' : '–');
  setText('metric-train', metric(frame.metricTrain));
  setText('metric-test', metric(frame.metricTest));
}

/** Labels the metric and fills the model summary from a session message. */
export function showSession(session) {
  const name = session.problem === 'regression' ? 'R²' : 'accuracy';
  $('metric-test-label').textContent = `Test ${name}`;
  $('metric-train-label').textContent = `Training ${name}`;
  $('parameter-count').textContent = `${session.parameterCount.toLocaleString('en-US')} parameters · ` +
    `${session.optimizer}, ${session.loss} loss, ${session.hiddenActivation} → ${session.outputActivation}`;
  const table = $('summary-table');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const title of ['Layer', 'Activation', 'Output shape', 'Parameters']) head.appendChild(document.createElement('th')).textContent = title;
  const body = table.createTBody();
  for (const row of session.summary ?? []) {
    const tr = body.insertRow();
    const shape = Array.isArray(row.outputShape) ? `(${row.outputShape.map(d => d ?? 'None').join(', ')})`
      : row.outputShape ?? (row.units !== undefined ? `(None, ${row.units})` : '');
    for (const cell of [row.name, row.activation ?? '', shape, Number(row.parameters).toLocaleString('en-US')]) tr.insertCell().textContent = cell;
  }
  for (const warning of session.warnings ?? []) toast(warning, 'warning');
}

/** The diverged notice over the big heatmap (hidden for other states). */
export function showStatus(status) {
  const diverged = status.state === 'diverged';
  $('diverged').hidden = !diverged;
  $('heatmap').classList.toggle('is-diverged', diverged);
  if (diverged) {
    $('diverged-message').textContent = ' ' + (status.message ||
      'The loss became infinite or NaN. Try a lower learning rate, more regularization or another activation, then reset.');
  }
}

/** A dismissable message; errors stay until closed, others fade after a while. */
export function toast(message, kind = 'error') {
  const box = document.createElement('div');
  box.className = `toast ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const text = document.createElement('span');
  text.textContent = message;
  const close = document.createElement('button');
  close.className = 'toast-close';
  close.textContent = '×';
  close.title = 'Dismiss';
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
  $('toasts').appendChild(box);
  if (kind !== 'error') setTimeout(() => box.remove(), 8000);
  while ($('toasts').children.length > 4) $('toasts').firstChild.remove();
}

export function showConnection(connected) {
  const c = $('connection');
  c.textContent = connected ? 'connected' : 'reconnecting…';
  c.classList.toggle('down', !connected);
}
