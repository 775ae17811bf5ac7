// Wiring only: the socket's messages go to the views, the controls' actions go to the socket.

import * as msg from './protocol.js';
import { PlaygroundSocket, resumedNotice } from './socket.js';
import { LinkState, LIMITS } from './state.js';
import { bindControls, bindClassroom, applyLink, applyHidden, showPlaying } from './controls.js';
import { Heatmap, drawPoints, drawLegend, classCssColor } from './heatmap.js';
import { NetworkView } from './network.js';
import { LineChart } from './linechart.js';
import { DatasetPicker } from './datasets.js';
import * as readouts from './readouts.js';
import { FrameStats } from './stats.js';
import { installInsights } from './insights.js';
import { installDraw } from './draw.js';
import { installLesson } from './lesson.js';
import { installSweep } from './sweep.js';
import { installDigits } from './digits.js';
import { installExplanations } from './explain.js';
import { Room } from './room.js';
import { showAxes, showSliceMenus, onlySliceChanged } from './plane.js';
import { PlateauHint } from './hints.js';
import { bindExamples } from './examples.js';
import { SaveRun } from './saverun.js';
import { uploadCsv, MAX_CSV_BYTES } from './upload.js';

const $ = id => document.getElementById(id);
const state = new LinkState();
const heatmap = new Heatmap($('heatmap-canvas'));
const chart = new LineChart($('linechart-canvas'));
const stats = new FrameStats();
window.playgroundStats = stats;
let session = null;
let csvName = null;          // the uploaded file while its data is in use
let playing = false;
let frozen = false;          // pause clicked: nothing more is drawn until the server confirms
let latestFrame = null;      // the newest frame received (shown when a pause is confirmed at once)
let pausedAt = 0;
const PAUSE_SHOWS_LAST_MS = 80;
const plateau = new PlateauHint();
const queue = [];            // decoded frames waiting for an animation frame (at most MAX_QUEUED)
const MAX_QUEUED = 3;
let lastFrame = null;
const display = { showTestData: false, discretize: false };

const room = new Room({
  appendHistory: (first, train, test) => { chart.append(first, train, test); chart.draw(); },
  toast: (text, kind) => readouts.toast(text, kind), currentLink: () => state.hash, send: m => socket.send(m),
  csvInUse: () => csvName,
});
const url = room.socketUrl() ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
const socket = new PlaygroundSocket(url, {
  onOpen: ({ token }) => {
    readouts.showConnection(true); readouts.dismiss(NOT_CONNECTED);
    // after a drop the run is taken back first (resumed: docs/protocol.md, "Reconnecting")
    if (!room.greet(socket)) socket.send(token ? msg.resume(token) : opening());
  },
  onClose: () => { if (playing) wasPlaying = true; readouts.showConnection(false); playing = false; frozen = false; showPlaying(false); },
  onGiveUp: () => { $('connection').textContent = 'not connected'; readouts.toast(GAVE_UP, 'error', { sticky: true }); },
  onMessage: message => {
    if (!room.receive(message)) receive(message);
    // the class moved to another tab: a socket with no role would only be closed and reopened
    if (room.mode === 'elsewhere') socket.stop();
  },
  onFrame: frame => {
    stats.received(frame, chart.epochs);
    chart.append(frame.firstHistoryEpoch, frame.historyTrain, frame.historyTest);
    latestFrame = frame;
    if (frozen) {
      // after a pause click only a frame that comes at once is shown: the view stays where the click
      // stopped it (later epochs are in the chart) until the student does something else
      if (performance.now() - pausedAt > PAUSE_SHOWS_LAST_MS) return;
      queue.length = 0;
    }
    // One frame per animation frame, so frames that arrive together are still each shown; when the
    // page falls behind, the oldest are dropped (their losses are already in the chart).
    if (queue.length === 0) requestAnimationFrame(render);
    queue.push(frame);
    if (queue.length > MAX_QUEUED) queue.shift();
  },
});

const NOT_CONNECTED = 'Not connected to the server; retrying…';
const GAVE_UP = 'The server has not answered for 2 minutes: reload the page to try again (your settings are in its link).';
let wasPlaying = false;      // playing when the socket dropped: a resumed run plays on
/** What a page says first on a fresh socket: the saved run it opens, or its link. */
const opening = () => saveRun.openingMessage() ?? msg.load(state.hash);
function send(message) {
  if (message.type !== 'pause') frozen = false; // any other request may bring frames to show
  if (!socket.send(message)) readouts.toast(NOT_CONNECTED, 'warning', { sticky: true });
}

function receive(message) {
  if (saveRun.receive(message)) return;
  switch (message.type) {
    case 'session': {
      frozen = false; // a new run (a load, a rebuild) is always shown
      const sliceOnly = onlySliceChanged(session, message);
      session = message;
      state.update(message.link);
      if (state.get('data') !== 'local') csvName = null;   // the server left the file: a data set, a link, a refusal
      saveRun.follow(state.hash);
      state.setEffective(message.effective);
      syncLink();
      showAxes(session);
      showSliceMenus(session);
      if (sliceOnly) { network.reslice(session); redrawPoints(); break; }   // same run, another slice: the chart goes on
      chart.reset();
      plateau.reset();
      if (!isImage(session)) network.build(session, state);   // 784 inputs: digits.js shows those instead
      applyHidden(state);
      readouts.showSession(session);
      readouts.clearPlayNotice();
      showClassLegend();
      showLegendRange();
      showAllTrain();
      redrawPoints();
      break;
    }
    case 'points':   // a drawing's points changed: the same run (and its chart) goes on
      if (!session) break;
      session = { ...session, train: message.train, test: message.test };
      showAllTrain();
      redrawPoints();
      break;
    case 'link':
      state.update(message.hash);
      saveRun.follow(state.hash);
      syncLink();
      break;
    case 'status':
      playing = message.state === 'playing';
      if (playing) frozen = false;
      else if (frozen) {
        // the server's last frame is shown if it comes at once; later, the view stays where the
        // click stopped it (its epochs are in the chart) until the next step or reset
        if (latestFrame && performance.now() - pausedAt <= PAUSE_SHOWS_LAST_MS) { queue.length = 0; queue.push(latestFrame); requestAnimationFrame(render); }
      }
      showPlaying(playing);
      readouts.showStatus(message);
      break;
    case 'error':
      if (message.request === 'loadCsv') { csvName = null; pickers.update(state, csvName); }
      // a refused change snaps its control back to what the server runs
      if (message.request === 'set') applyLink(state);
      // a hover that left a node the last rebuild removed (a feature turned off) is no news to anyone
      if (message.request === 'selectNode') break;
      readouts.toast(message.message, 'error');
      break;
    case 'resumed':
      if (message.from !== 'checkpoint') {
        wasPlaying = false;
        if (room.socketUrl() === null) socket.send(opening());   // a solo page with nothing to resume: as on a first visit
        break;
      }
      readouts.toast(resumedNotice(message), 'info', { sticky: true });
      if (wasPlaying) send(msg.play());
      wasPlaying = false;
      break;
    case 'insights': case 'sweep': case 'digits': case 'classified': break; // the course modules take these (installed through tap.js)
    default:
      console.warn('unknown message', message);
  }
}

/** Everything that follows the link: controls, hidden controls, display flags, data set list. */
function syncLink() {
  applyLink(state);
  display.showTestData = state.bool('showTestData');
  display.discretize = state.bool('discretize');
  pickers.update(state, csvName);
  redrawPoints();
  if (lastFrame) drawHeatmap(lastFrame);
}

function render() {
  const frame = queue.shift();
  if (queue.length > 0) requestAnimationFrame(render);
  if (!frame || !session) return;
  const t0 = performance.now();
  drawHeatmap(frame);
  const t1 = performance.now();
  if (!isImage(session)) network.update(frame);
  const t2 = performance.now();
  chart.draw();
  readouts.showFrame(frame, session.problem);
  plateau.observe(frame, Number(state.get('learningRate')));
  lastFrame = frame;
  const t3 = performance.now();
  stats.drawn(t3 - t0, { heatmap: t1 - t0, network: t2 - t1, chartAndText: t3 - t2 }, frame);
}

/** Image runs (MNIST) have no plane and too many inputs to draw as nodes: digits.js shows them. */
function isImage(s) { return s?.imageSide > 0; }

function drawHeatmap(frame) {
  if (!frame.gridSize) return;
  if (frame.mode === msg.GRID_CLASSES) {
    heatmap.drawClasses(frame.grid, frame.confidence, frame.gridSize, session.numClasses, display.discretize);
  } else {
    heatmap.draw(frame.grid, frame.gridSize, display.discretize);
  }
}

function redrawPoints() {
  if (!session) return;
  const canvas = $('points-canvas');
  const size = Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)) || 600;
  if (canvas.width !== size) { canvas.width = size; canvas.height = size; }
  drawPoints(canvas, session.train ?? [], session.test ?? [], session.numClasses, display.showTestData, session.grid, session.outputRange);
}

/** The colour bar's numbers: TF's -1..1, or the regression labels' range the server maps to it. */
function showLegendRange() {
  const [lo, hi] = session?.outputRange ?? [-1, 1];
  const ticks = [lo, (lo + hi) / 2, hi].map(v => String(Number(v.toPrecision(3))));
  [...$('legend').querySelectorAll('.legend-ticks span')].forEach((span, i) => { span.textContent = ticks[i]; });
}

/** Says so when the data is too small for a test set and every point trains. */
function showAllTrain() {
  const note = $('all-train-note');
  if (!note) return;
  const all = session.allTrain && (session.train?.length ?? 0) > 0;
  note.hidden = !all;
  note.textContent = all ? `All ${session.train.length} points train: too few for a test set, so there is none.` : '';
}

/** TF's generated data keeps its unnamed two colours; named classes (cat/dog, 3+ classes) get a legend. */
const UNNAMED_PAIR = ['negative', 'positive'];
function showClassLegend() {
  const legend = $('class-legend');
  legend.replaceChildren();
  const names = session?.classNames ?? [];
  if (!session || session.numClasses < 2 || (session.numClasses === 2 && names.join() === UNNAMED_PAIR.join())) return;
  session.classNames.forEach((name, k) => {
    const item = document.createElement('span');
    item.className = 'class-item';
    const swatch = document.createElement('i');
    swatch.style.background = classCssColor(k);
    item.append(swatch, document.createTextNode(name));
    legend.appendChild(item);
  });
}

let selectTimer = null, selectWanted;
/** Hovering sends selectNode at most every 50 ms (the server allows 50 messages per second). */
function selectNode(id) {
  selectWanted = id;
  if (selectTimer) return;
  send(msg.selectNode(id));
  selectTimer = setTimeout(() => {
    selectTimer = null;
    if (selectWanted !== id) selectNode(selectWanted);
  }, 50);
}

function set(key, value) {
  if (key in display) { display[key] = value === 'true'; redrawPoints(); if (lastFrame) drawHeatmap(lastFrame); }
  send(msg.set(key, value));
}

const network = new NetworkView($('network'), {
  selectNode,
  toggleFeature: (key, on) => set(key, String(on)),
  setShape: widths => set('networkShape', widths.join(',')),
  setWeight: (layer, to, from, value) => send(msg.setWeight(layer, to, from, value)),
  setBias: (layer, node, value) => send(msg.setBias(layer, node, value)),
  refused: message => readouts.toast(message, 'warning'),
});
const pickers = new DatasetPicker((key, value) => set(key, value));
const saveRun = new SaveRun(message => socket.send(message));

bindControls(state, {
  set,
  play: () => send(msg.play()),
  pause: () => {
    // stop drawing at once; the server's confirmation (status paused) shows its final frame
    frozen = playing;
    pausedAt = performance.now();
    queue.length = 0;
    playing = false;
    showPlaying(false);
    send(msg.pause());
  },
  step: () => send(msg.step()),
  reset: () => send(msg.reset()),
  regenerate: () => send(msg.regenerate()),
  setShape: widths => set('networkShape', widths.join(',')),
  isPlaying: () => playing,
  loadCsv: async file => loadCsv(file.name, file.size, () => file.text()),
});
bindClassroom(set);
bindExamples((name, size, text) => loadCsv(name, size, text));

async function loadCsv(name, size, text) {
  if (size > MAX_CSV_BYTES) { readouts.toast(`${name} is larger than ${MAX_CSV_BYTES / (1024 * 1024)} MiB.`); return; }
  csvName = name;
  try {
    // a small file (an example, a table) rides in the message; a big one is uploaded over HTTP first
    if (size <= LIMITS.inlineCsvBytes) send(msg.loadCsv(name, await text()));
    else send(msg.loadCsvUpload(name, await uploadCsv(name, await text())));
  } catch (e) {
    csvName = null;
    pickers.update(state, csvName);
    readouts.toast(e.message, 'error');
  }
}

window.addEventListener('hashchange', () => {
  if (location.hash.replace(/^#/, '') === state.hash) return;
  state.update(location.hash);
  csvName = null;
  send(msg.load(state.hash));
});
let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { network.render(); redrawPoints(); chart.resize(); chart.draw(); }, 150);
});

drawLegend($('legend-canvas'));
applyLink(state);
pickers.update(state, null);
pickers.loadRealPoints();
installInsights(socket);
installDraw(socket);
installLesson(socket);
installSweep(socket);
installDigits(socket);
installExplanations();
socket.connect();
