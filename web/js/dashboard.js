// The teacher's dashboard: one card per student from the room socket's compact updates (a few
// times a second, only the cards that changed), class actions, the leaderboard and the report.
// The teacher key comes from the teacher link's #key=..., is kept in localStorage and removed
// from the address bar (the dashboard may be on a projector). Its projector mode (projector.js)
// shows the spotlit run, a comparison of 2 to 4 runs, or the whole class; ?view=projector opens in it.

import { Projector } from './projector.js';

import { drawMistakes } from './cardmistakes.js';

const $ = id => document.getElementById(id);
const HOSTING = 'playground.room.hosting';
const params = new URLSearchParams(location.search);
const code = (params.get('room') ?? '').toUpperCase();
const hashKey = new URLSearchParams(location.hash.replace(/^#/, '')).get('key');
let stored = null;
try { stored = JSON.parse(localStorage.getItem(HOSTING) ?? 'null'); } catch { stored = null; }
const key = hashKey ?? (stored && stored.code === code ? stored.key : null);
if (hashKey) {
  localStorage.setItem(HOSTING, JSON.stringify({ code, key: hashKey }));
  history.replaceState(null, '', `/teach?room=${encodeURIComponent(code)}${params.get('view') ? '&view=' + encodeURIComponent(params.get('view')) : ''}`);
}

const cards = new Map();       // student id -> { data, element, boundary (the latest the server sent) }
const comparing = new Set();   // the students picked for the projector's comparison, in order
const MAX_COMPARED = 4;
let socket = null;
let retryMs = 500;
/** What the server was told (or is told once the socket is a teacher's): the class view is on screen. */
let classViewOn = false;
/** The least wait before asking again after the server refused this dashboard. */
const TEACH_RETRY_MS = 5000;

$('room-code').textContent = code || '······';
// until the server names the address students can reach (the 'teaching' answer), the page's own
$('join-url').textContent = `${location.origin}/?room=${code}`;
if (code) {
  $('join-qr').src = `/api/rooms/${encodeURIComponent(code)}/qr.svg`;
  $('join-qr').hidden = false;
}
// the report is fetched with the key in a header: never in an address a projector could show
$('class-report').href = `/api/rooms/${encodeURIComponent(code)}/report.csv`;
$('class-report').addEventListener('click', async event => {
  event.preventDefault();
  const response = await fetch(`/api/rooms/${encodeURIComponent(code)}/report.csv`, { headers: { 'X-Teacher-Key': key ?? '' } });
  if (!response.ok) { toast((await response.json()).error ?? 'Could not download the report.'); return; }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `class-${code}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
});

function toast(text, kind = 'error') {
  const box = document.createElement('div');
  box.className = `toast ${kind}`;
  box.textContent = text;
  $('dash-toasts').appendChild(box);
  setTimeout(() => box.remove(), 6000);
}

function capitalized(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

function connect() {
  if (!key) {
    $('dash-connection').textContent = 'This dashboard needs the teacher link (with its key).';
    return;
  }
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/room`);
  socket = ws;
  ws.onopen = () => { ws.send(JSON.stringify({ type: 'teach', code, key })); };
  ws.onmessage = event => {
    try { receive(JSON.parse(event.data)); } catch (e) { console.error('dashboard message failed', e); }
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    $('dash-connection').textContent = 'reconnecting…';
    $('dash-connection').classList.add('down');
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 8000);
  };
}

/**
 * The server refused the dashboard (too many wrong codes from this network, a server reloading
 * the class, a key it does not know yet): say so and try again later, never give up for good.
 */
function retryTeach(message) {
  const ws = socket;
  socket = null;
  const seconds = Math.round(Math.max(retryMs, TEACH_RETRY_MS) / 1000);
  $('dash-connection').textContent = `${message}; trying again in ${seconds} s`;
  $('dash-connection').classList.add('down');
  ws?.close();
  setTimeout(connect, seconds * 1000);
  retryMs = Math.min(retryMs * 2, 30_000);
}

/** The class has ended: the dashboard stays, read-only (cards as they were, no actions), the report still downloadable. */
function endClass() {
  const ws = socket;
  socket = null;
  ws?.close();
  document.body.classList.add('ended');
  $('dash-ended').hidden = false;
  $('join-qr').hidden = true;
  $('dash-connection').textContent = 'This class has ended';
  $('dash-connection').classList.remove('down');
  for (const control of document.querySelectorAll('#dash-actions button, #dash-actions input, #dash-actions select')) control.disabled = true;
}

function send(message) {
  if (!socket || socket.readyState !== WebSocket.OPEN) { toast('Not connected to the server.'); return; }
  socket.send(JSON.stringify(message));
}

function receive(m) {
  switch (m.type) {
    case 'teaching':
      retryMs = 500;
      if (m.joinUrl) $('join-url').textContent = m.joinUrl;
      if (classViewOn) socket.send(JSON.stringify({ type: 'classView', on: true }));
      $('dash-connection').textContent = 'live';
      $('dash-connection').classList.remove('down');
      break;
    case 'roster': roster(m); break;
    case 'done':
      // an action for every student says whom it reached (some may wait for another server)
      if (m.reach) toast(capitalized(m.reach.text) + '.', m.reach.waiting > 0 ? 'warn' : 'ok');
      else if (m.request === 'removeAway') toast('Everyone away was removed.', 'ok');
      break;
    case 'roomClosed': endClass(); break;
    case 'error':
      if (m.request === 'teach') { retryTeach(m.message); break; }
      toast(m.message);
      break;
    default: break;
  }
}

function roster(m) {
  $('anonymize').checked = m.anonymized;
  $('student-count').textContent = String(m.students);
  $('student-noun').textContent = m.students === 1 ? ' student' : ' students';
  // the current exercise fills the link box unless the teacher is editing it (typed or focused)
  const box = $('exercise-link');
  const untouched = box.dataset.filled === undefined ? box.value === '' : box.value === box.dataset.filled;
  if (m.exercise && document.activeElement !== box && untouched) {
    box.value = box.dataset.filled = `${location.origin}/#${m.exercise}`;
  }
  $('open-exercise').href = m.exercise ? `/#${m.exercise}` : '/';
  if (m.full) {
    const ids = new Set(m.cards.map(c => c.id));
    for (const [id, card] of cards) if (!ids.has(id)) { card.element.remove(); cards.delete(id); }
  }
  for (const id of m.removed ?? []) { cards.get(id)?.element.remove(); cards.delete(id); }
  for (const data of m.cards) {
    let card = cards.get(data.id);
    if (!card) { card = { element: makeCard(data.id) }; cards.set(data.id, card); $('student-grid').appendChild(card.element); }
    card.data = data;
    if (data.boundary) card.boundary = data.boundary;
    fillCard(card.element, data, m.spotlight === data.id);
  }
  for (const id of comparing) if (!cards.has(id)) comparing.delete(id);
  showCompare();
  sortCards();
  leaderboard(m.leaderboard ?? [], m.exercise);
  projector.roster(m, cards);
}

/**
 * Tells the server whether the projector's class view is on screen (shown and the tab visible):
 * the students' runs draw their boundaries only while some dashboard shows it.
 */
function tellClassView() {
  const on = projector.view === 'class' && document.visibilityState === 'visible';
  if (on === classViewOn) return;
  classViewOn = on;
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'classView', on }));
}

/** The Compare button counts the picked students; it opens the comparison for 2 to 4. */
function showCompare() {
  $('compare').textContent = comparing.size ? `Compare (${comparing.size})` : 'Compare';
  $('compare').disabled = comparing.size < 2;
  for (const [id, card] of cards) {
    const pick = card.element.querySelector('.compare-button');
    pick.setAttribute('aria-pressed', String(comparing.has(id)));
    pick.disabled = !comparing.has(id) && comparing.size >= MAX_COMPARED;
  }
}

function makeCard(id) {
  const card = document.createElement('div');
  card.className = 'student-card';
  card.dataset.studentId = id;
  card.tabIndex = 0;
  card.title = 'Open this run (read-only)';
  const canvas = document.createElement('canvas');
  canvas.width = 10; canvas.height = 10;
  canvas.className = 'student-thumb';
  const name = document.createElement('div'); name.className = 'student-name';
  const figures = document.createElement('div'); figures.className = 'student-figures';
  const epoch = document.createElement('span'); epoch.className = 'student-epoch';
  const loss = document.createElement('span'); loss.className = 'student-loss-test';
  const metric = document.createElement('span'); metric.className = 'student-metric';
  figures.append(epoch, loss, metric);
  const state = document.createElement('div'); state.className = 'student-state';
  const tools = document.createElement('div'); tools.className = 'student-tools';
  const spot = document.createElement('button'); spot.textContent = 'Spotlight'; spot.className = 'spotlight-button';
  const pick = document.createElement('button'); pick.textContent = 'Compare'; pick.className = 'compare-button';
  pick.setAttribute('aria-pressed', 'false');
  const remove = document.createElement('button'); remove.textContent = 'Remove'; remove.className = 'remove-button';
  tools.append(spot, pick, remove);
  card.append(canvas, name, figures, state, tools);
  const open = () => window.open(`/?room=${code}&watch=${encodeURIComponent(id)}`, `watch-${id}`);
  card.addEventListener('click', event => { if (!(event.target instanceof HTMLButtonElement)) open(); });
  card.addEventListener('keydown', event => { if (event.key === 'Enter') open(); });
  spot.addEventListener('click', () => projector.spotlight(id));
  pick.addEventListener('click', () => {
    if (comparing.has(id)) comparing.delete(id); else if (comparing.size < MAX_COMPARED) comparing.add(id);
    showCompare();
  });
  remove.addEventListener('click', () => {
    const who = cards.get(id)?.data?.name ?? 'this student';
    if (confirm(`Remove ${who} from the class?`)) send({ type: 'removeStudent', studentId: id });
  });
  return card;
}

const STATE_TEXT = { playing: 'playing', paused: 'paused', diverged: 'diverged', away: 'away', left: 'left' };

function fillCard(card, d, spotlit) {
  card.querySelector('.student-name').textContent = d.name;
  card.querySelector('.student-epoch').textContent = `epoch ${d.epoch}`;
  card.querySelector('.student-loss-test').textContent = `test loss ${fmt(d.lossTest)}`;
  card.querySelector('.student-metric').textContent = d.problem === 'regression'
    ? `R² ${fmt(d.metricTest)}` : `acc ${Number.isFinite(d.metricTest) ? (d.metricTest * 100).toFixed(0) + '%' : '–'}`;
  card.querySelector('.student-state').textContent = STATE_TEXT[d.state] ?? d.state;
  card.dataset.state = d.state;
  card.classList.toggle('spotlit', spotlit);
  drawThumb(card.querySelector('canvas'), d.thumbs, d.thumbCount);
  drawMistakes(card, d.mistakes);
}

function fmt(v) { return Number.isFinite(v) ? v.toFixed(3) : '–'; }

const ORANGE = [245, 147, 34], GREY = [232, 234, 235], BLUE = [8, 119, 189];
const CLASS_COLOURS = [[245, 147, 34], [8, 119, 189], [46, 160, 67], [156, 39, 176], [233, 30, 99], [0, 150, 136],
  [121, 85, 72], [96, 125, 139], [255, 193, 7], [63, 81, 181]];

/** The output thumbnail: one 10x10 plane on TF's orange-grey-blue scale, or the argmax class of several. */
function drawThumb(canvas, base64, count) {
  const c = canvas.getContext('2d');
  if (!base64 || !count) { c.clearRect(0, 0, 10, 10); return; }
  const bytes = Uint8Array.from(atob(base64), ch => ch.charCodeAt(0));
  const image = c.createImageData(10, 10);
  for (let p = 0; p < 100; p++) {
    let rgb;
    if (count === 1) {
      const v = bytes[p] / 127.5 - 1;
      const [from, to, t] = v < 0 ? [GREY, ORANGE, -v] : [GREY, BLUE, v];
      rgb = from.map((f, i) => f + (to[i] - f) * t);
    } else {
      let best = 0;
      for (let k = 1; k < count; k++) if (bytes[k * 100 + p] > bytes[best * 100 + p]) best = k;
      rgb = CLASS_COLOURS[best % CLASS_COLOURS.length];
    }
    image.data.set([rgb[0], rgb[1], rgb[2], 255], p * 4);
  }
  c.putImageData(image, 0, 0);
}

function sortCards() {
  const by = $('sort-by').value;
  const list = [...cards.values()].filter(c => c.data);
  const loss = c => (Number.isFinite(c.data.lossTest) ? c.data.lossTest : Infinity);
  if (by === 'loss') list.sort((a, b) => loss(a) - loss(b));
  else if (by === 'activity') list.sort((a, b) => b.data.lastActivityMillis - a.data.lastActivityMillis);
  else list.sort((a, b) => a.data.name.localeCompare(b.data.name) || a.data.number - b.data.number);
  const grid = $('student-grid');
  list.forEach((c, i) => { if (grid.children[i] !== c.element) grid.insertBefore(c.element, grid.children[i] ?? null); });
}

/** The image data sets, whose runs the leaderboard ranks by test accuracy (as the book scores them). */
const IMAGE_DATA = /(^|&)dataset=(mnist|fashion)(&|$)/;

/** The leaderboard's heading and hint say what it ranks by: its entries' kinds, or the exercise's before any entry. */
function leaderboardHeading(entries, exercise) {
  const images = entries.length ? entries.some(e => e.accuracyTest != null) : IMAGE_DATA.test(exercise ?? '');
  const losses = entries.length ? entries.some(e => e.accuracyTest == null) : !images;
  const since = 'since the exercise was pushed or the last "Reset all" (ties: fewer parameters, then earlier).';
  const [title, hint] = images && losses
    ? ['best test accuracy, then best test loss', `Image runs first, by their highest test accuracy, then the others by their lowest test loss, ${since}`]
    : images ? ['best test accuracy', `Each student's highest test accuracy ${since}`]
      : ['best test loss', `Each student's lowest test loss ${since}`];
  $('leaderboard-title').textContent = `Leaderboard: ${title}`;
  $('leaderboard-hint').textContent = hint;
}

function leaderboard(entries, exercise) {
  leaderboardHeading(entries, exercise);
  const ol = $('leaderboard');
  ol.replaceChildren(...entries.map(e => {
    const li = document.createElement('li');
    li.dataset.studentId = e.id;
    const name = document.createElement('span'); name.className = 'leader-name'; name.textContent = e.name;
    const figures = document.createElement('span'); figures.className = 'leader-figures';
    // image runs rank by test accuracy (the server sends accuracyTest for them)
    const score = e.accuracyTest == null ? '' : `test accuracy ${(100 * e.accuracyTest).toFixed(1)}% · `;
    figures.textContent = `${score}test loss ${fmt(e.lossTest)} · epoch ${e.epoch} · ${e.parameters} parameters`;
    li.append(name, figures);
    return li;
  }));
}

$('push-exercise').addEventListener('click', () => {
  const link = $('exercise-link').value.trim();
  if (!link) { toast('Paste a playground link first.'); return; }
  send({ type: 'pushExercise', link });
});
const projector = new Projector({
  code, key, send,
  onView: () => tellClassView(),
  names: () => new Map([...cards].filter(([, c]) => c.data).map(([id, c]) => [id, c.data.name])),
});
$('projector-open').addEventListener('click', () => projector.show('class', true));
$('compare').addEventListener('click', () => projector.compare([...comparing]));
if (params.get('view') === 'projector') projector.show('class');
document.addEventListener('visibilitychange', tellClassView);
$('pause-all').addEventListener('click', () => send({ type: 'pauseAll' }));
$('resume-all').addEventListener('click', () => send({ type: 'resumeAll' }));
$('reset-all').addEventListener('click', () => send({ type: 'resetAll' }));
$('remove-away').addEventListener('click', () => {
  const away = [...cards.values()].filter(c => c.data && (c.data.state === 'away' || c.data.state === 'left')).length;
  if (away === 0) { toast('Nobody is away.', 'ok'); return; }
  if (confirm(`Remove the ${away} student${away === 1 ? '' : 's'} whose card reads away or left?`)) send({ type: 'removeAway' });
});
$('anonymize').addEventListener('change', event => send({ type: 'anonymize', on: event.target.checked }));
$('sort-by').addEventListener('change', sortCards);
$('send-notice').addEventListener('click', () => {
  const text = $('notice-text').value.trim();
  if (text) { send({ type: 'notice', text }); $('notice-text').value = ''; }
});
$('close-room').addEventListener('click', () => {
  if (confirm('Close the class? Every student goes back to their own playground.')) send({ type: 'closeRoom' });
});
connect();
