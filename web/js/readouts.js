// Read-outs: epoch, losses, accuracy or R^2, the model summary, the diverged notice and toasts.

const $ = id => document.getElementById(id);

/** Writes text only when it changed (each write invalidates layout). */
function setText(id, text) { const e = $(id); if (e.textContent !== text) e.textContent = text; }

/** TF Playground's epoch format: zero-padded to 6 digits with commas ("000,010"). */
export function formatEpoch(n) {
  return String(n).padStart(6, '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const SUPERSCRIPT = { '-': '⁻', '+': '', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/**
 * A number for people: 3 decimals like TF (0.123), and powers of ten written as such when very
 * large or small ("2.72 × 10¹¹⁴" instead of 2.7171065092165877e+114); "–" when there is none.
 */
export function formatNumber(v, decimals = 3) {
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (!Number.isFinite(v)) return '–';
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e5 || abs < 10 ** -decimals)) {
    const [mantissa, exponent] = v.toExponential(2).split('e');
    return `${mantissa} × 10${[...exponent].map(c => SUPERSCRIPT[c]).join('')}`;
  }
  return v.toFixed(decimals);
}

/** TF's loss format: 3 decimals (powers of ten when huge). */
export function formatLoss(v) { return formatNumber(v); }

export function showFrame(frame, problem) {
  setText('iter-number', formatEpoch(frame.epoch));
  setText('loss-train', formatLoss(frame.lossTrain));
  setText('loss-test', formatLoss(frame.lossTest));
  const metric = problem === 'regression'
    ? v => formatNumber(v)
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

/** The diverged notice over the big heatmap (hidden for other states), and a pause's reason by Play. */
export function showStatus(status) {
  // a pause the server chose (early stopping) says why next to Play until the next run or state
  const notice = $('play-notice');
  const reason = status.state === 'paused' && status.message ? status.message : '';
  if (notice) { notice.textContent = reason; notice.hidden = !reason; }
  const diverged = status.state === 'diverged';
  $('diverged').hidden = !diverged;
  $('heatmap').classList.toggle('is-diverged', diverged);
  if (diverged) {
    $('diverged-message').textContent = ' ' + (status.message ||
      'The loss became infinite or NaN. Try a lower learning rate, more regularization or another activation, then reset.');
  }
}

const TOAST_MS = { error: 6000, warning: 5000, info: 4000 };
const MAX_TOASTS = 3;
const shown = new Map();      // message -> its toast, so the same words are never shown twice

/** Clears the notice by Play (a new run). */
export function clearPlayNotice() { const notice = $('play-notice'); if (notice) { notice.textContent = ''; notice.hidden = true; } }

const MAX_LOGGED = 100;

/** Every message also goes to the page's message list, so none is lost when toasts make room for newer ones. */
function log(text, kind) {
  const list = $('message-list');
  if (!list) return;
  const item = document.createElement('li');
  item.className = kind;
  item.textContent = text;
  list.appendChild(item);
  while (list.children.length > MAX_LOGGED) list.firstElementChild.remove();
  $('message-log').hidden = false;
  $('message-count').textContent = `${list.children.length} message${list.children.length === 1 ? '' : 's'}`;
}

/**
 * A short message in plain words, over the page (it never moves a control). The same message is
 * shown once (repeats restart its timer); every toast leaves after a few seconds unless
 * {sticky: true} (it needs an action); at most 3 at once, and all of them stay in the message list.
 */
export function toast(message, kind = 'error', { sticky = false } = {}) {
  const words = String(message).trim();
  if (!words) return;
  const text = words;
  const existing = shown.get(text);
  if (existing) { existing.restart(); return; }
  log(text, kind);
  const box = document.createElement('div');
  box.className = `toast ${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const span = document.createElement('span');
  span.textContent = text;
  const close = document.createElement('button');
  close.className = 'toast-close';
  close.textContent = '×';
  close.title = 'Dismiss';
  let timer = null;
  const remove = () => { clearTimeout(timer); box.remove(); shown.delete(text); };
  const entry = { box, remove, restart: () => { clearTimeout(timer); if (!sticky) timer = setTimeout(remove, TOAST_MS[kind] ?? 5000); } };
  close.addEventListener('click', remove);
  box.append(span, close);
  $('toasts').appendChild(box);
  shown.set(text, entry);
  entry.restart();
  while (shown.size > MAX_TOASTS) shown.values().next().value.remove();
}

/** Removes a sticky toast once its cause is gone (e.g. the connection is back). */
export function dismiss(message) {
  const words = String(message).trim();
  shown.get(words)?.remove();
}

export function showConnection(connected) {
  const c = $('connection');
  c.textContent = connected ? 'connected' : 'reconnecting…';
  c.classList.toggle('down', !connected);
}
