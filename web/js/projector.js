// The dashboard's projector mode: full screen, large type, no controls but the view tabs.
// Spotlight and compare watch their runs on room sockets of their own (teach without roster
// updates, then watch: frames as the student gets them, with their own flow control); the class
// view draws every card's boundary, test loss and accuracy from the dashboard's roster updates.

import { PlaygroundSocket } from './socket.js';
import { Heatmap, drawPoints } from './heatmap.js';
import { LineChart } from './linechart.js';
import { expandChart } from './room.js';
import { ClassView } from './classview.js';

const $ = id => document.getElementById(id);
const TABLE = JSON.parse($('link-table')?.textContent ?? '{"keys":[]}');
/** Settings worth comparing (drawing-only ones are left out), in the table's order, with their labels. */
const COMPARED = TABLE.keys.filter(k => k.effect !== 'display' && !k.key.endsWith(TABLE.hideSuffix ?? '_hide'));
/** Shown on every panel even when equal: what a class reads first. */
const ALWAYS = new Set(['dataset', 'activation', 'learningRate', 'networkShape', 'regularization', 'regularizationRate', 'batchSize']);

/** One student's run on the projector: output map with the data, loss chart, figures and settings. */
class RunView {
  constructor({ code, key, studentId, onSettings }) {
    this.studentId = studentId;
    this.onSettings = onSettings;
    this.session = null;
    this.settings = new Map();
    this.pendingChart = null;
    this.latest = null;
    this.element = document.createElement('article');
    this.element.className = 'run-panel';
    this.element.dataset.studentId = studentId;
    this.element.innerHTML = `<h2 class="run-name"></h2>
      <div class="run-body">
        <div class="run-map"><canvas class="run-heat"></canvas><canvas class="run-points"></canvas></div>
        <div class="run-side">
          <dl class="run-figures">
            <div><dt>Epoch</dt><dd class="run-epoch">–</dd></div>
            <div><dt>Test loss</dt><dd class="run-loss-test">–</dd></div>
            <div><dt>Training loss</dt><dd class="run-loss-train">–</dd></div>
            <div><dt class="run-metric-name">Test accuracy</dt><dd class="run-metric">–</dd></div>
          </dl>
          <div class="run-state"></div>
          <canvas class="run-chart"></canvas>
          <table class="run-settings"></table>
        </div>
      </div>`;
    this.heatmap = new Heatmap(this.element.querySelector('.run-heat'));
    this.chart = new LineChart(this.element.querySelector('.run-chart'), ['#999', '#000']);
    this.socket = new PlaygroundSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/room`, {
      onOpen: () => {
        this.socket.send({ type: 'teach', code, key, dashboard: false });
        this.socket.send({ type: 'watch', studentId });
      },
      onMessage: m => { try { this.receive(m); } catch (e) { console.error('projector message failed', e); } },
      onFrame: frame => {
        // a viewer drops the frames it cannot take: their epochs are bridged with the next frame's first losses
        const gap = frame.firstHistoryEpoch - this.chart.epochs;
        if (gap > 0 && this.chart.epochs > 0 && frame.historyTrain.length > 0) {
          this.chart.append(this.chart.epochs, new Float32Array(gap).fill(frame.historyTrain[0]), new Float32Array(gap).fill(frame.historyTest[0]));
        }
        this.chart.append(frame.firstHistoryEpoch, frame.historyTrain, frame.historyTest);
        if (!this.latest) requestAnimationFrame(() => this.draw());
        this.latest = frame;
      },
    });
    this.socket.connect();
  }

  /** The name as the dashboard shows it ("Student N" while anonymized). */
  setName(name) { this.element.querySelector('.run-name').textContent = name; }

  receive(m) {
    switch (m.type) {
      case 'chart': this.pendingChart = m; break;
      case 'session':
        this.session = m;
        this.chart.reset();
        if (this.pendingChart) { this.chart.append(...expandChart(this.pendingChart)); this.pendingChart = null; }
        this.element.querySelector('.run-metric-name').textContent = m.problem === 'regression' ? 'Test R²' : 'Test accuracy';
        this.readLink(m.link);
        this.drawPoints();
        break;
      case 'points':   // the student's drawing changed; the run goes on
        if (this.session) { this.session = { ...this.session, train: m.train, test: m.test }; this.drawPoints(); }
        break;
      case 'link': this.readLink(m.hash); break;
      case 'status': this.element.querySelector('.run-state').textContent = m.state; break;
      case 'error': this.element.querySelector('.run-state').textContent = m.message; break;
      case 'roomClosed': this.close(); break;
      default: break;
    }
  }

  readLink(link) {
    const params = new URLSearchParams((link ?? '').replace(/^#/, ''));
    this.settings = new Map(COMPARED.map(k => [k.key, params.get(k.key) ?? '']));
    this.onSettings();
  }

  /** The settings table: the usual ones and every one in {@code differing}, those highlighted. */
  showSettings(differing) {
    const rows = COMPARED.filter(k => ALWAYS.has(k.key) || differing.has(k.key)).map(k => {
      const tr = document.createElement('tr');
      tr.className = differing.has(k.key) ? 'differs' : '';
      tr.dataset.key = k.key;
      const th = document.createElement('th'); th.textContent = k.label ?? k.key;
      const td = document.createElement('td'); td.textContent = this.settings.get(k.key) || 'default';
      tr.append(th, td);
      return tr;
    });
    this.element.querySelector('.run-settings').replaceChildren(...rows);
  }

  draw() {
    const frame = this.latest;
    this.latest = null;
    if (!frame || !this.session) return;
    if (frame.gridSize) {
      if (frame.mode === 1) this.heatmap.drawClasses(frame.grid, frame.confidence, frame.gridSize, this.session.numClasses, false);
      else this.heatmap.draw(frame.grid, frame.gridSize, false);
    }
    this.chart.resize();
    this.chart.draw();
    const q = this.element;
    q.querySelector('.run-epoch').textContent = frame.epoch.toLocaleString('en-US');
    q.querySelector('.run-loss-test').textContent = fmt(frame.lossTest);
    q.querySelector('.run-loss-train').textContent = fmt(frame.lossTrain);
    q.querySelector('.run-metric').textContent = this.session.problem === 'regression' ? fmt(frame.metricTest)
      : (Number.isFinite(frame.metricTest) ? `${(frame.metricTest * 100).toFixed(1)} %` : '–');
  }

  drawPoints() {
    const canvas = this.element.querySelector('.run-points');
    const size = Math.round(canvas.clientWidth * (window.devicePixelRatio || 1)) || 600;
    canvas.width = size; canvas.height = size;
    const s = this.session;
    if (s) drawPoints(canvas, s.train ?? [], s.test ?? [], s.numClasses, false, s.grid, s.outputRange);
  }

  close() { this.socket.stop(); this.element.remove(); }
}

function fmt(v) { return Number.isFinite(v) ? v.toFixed(3) : '–'; }

/**
 * The projector mode of the dashboard. hooks: code, key, send(message), names() (id -> shown name),
 * onView() (the view changed or closed). The views: 'spotlight' (the room's spotlit run), 'compare' (the picked runs), 'class'.
 */
export class Projector {
  constructor(hooks) {
    this.hooks = hooks;
    this.view = null;
    this.spotlit = null;       // the room's spotlight, from the roster
    this.spotView = null;      // RunView of the spotlit student
    this.comparedIds = [];     // the students picked for the comparison
    this.compared = [];        // their RunViews while the compare view shows
    this.classView = new ClassView($('class-thumbs'), $('class-losses'), $('class-histogram'), $('class-histogram-caption'),
      `playground.classCurves.${hooks.code}`);
    $('projector-code').textContent = hooks.code;
    for (const tab of document.querySelectorAll('.projector-tabs button')) tab.addEventListener('click', () => this.show(tab.dataset.view));
    $('projector-exit').addEventListener('click', () => this.exit());
    $('projector-fullscreen').addEventListener('click', () => document.documentElement.requestFullscreen?.().catch(() => {}));
    document.addEventListener('keydown', e => { if (e.key === 'Escape' && this.view && !document.fullscreenElement) this.exit(); });
    window.addEventListener('resize', () => { for (const r of this.runs()) r.drawPoints(); this.classView.draw(); });
  }

  runs() { return [this.spotView, ...this.compared].filter(Boolean); }

  /** Opens the projector on {@code view}; a gesture's click also asks for full screen. */
  show(view, fullscreen = false) {
    this.view = view;
    document.body.classList.add('projecting');
    $('projector').hidden = false;
    for (const v of ['spotlight', 'compare', 'class']) {
      $(`projector-${v}`).hidden = v !== view;
      $(`projector-${v}-tab`).classList.toggle('active', v === view);
    }
    $('projector-compare-tab').disabled = this.comparedIds.length < 2;
    if (fullscreen) document.documentElement.requestFullscreen?.().catch(() => {});
    this.followSpotlight();
    this.followCompare();
    if (view === 'class') this.classView.draw();
    for (const r of this.runs()) r.drawPoints();
    this.hooks.onView?.();
  }

  exit() {
    this.view = null;
    document.body.classList.remove('projecting');
    $('projector').hidden = true;
    this.followSpotlight();
    this.followCompare();
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    this.hooks.onView?.();
  }

  /** Puts {@code id} in the spotlight (the student is told) and shows it. */
  spotlight(id) {
    this.spotlit = id;
    this.hooks.send({ type: 'spotlight', studentId: id });
    this.show('spotlight', true);
  }

  /** Shows 2 to 4 runs side by side. */
  compare(ids) {
    this.comparedIds = ids.slice(0, 4);
    this.show('compare', true);
  }

  /** The compare view watches the picked students while it is shown, and nobody otherwise. */
  followCompare() {
    const wanted = this.view === 'compare' ? this.comparedIds : [];
    if (wanted.join() === this.compared.map(r => r.studentId).join()) return;
    for (const r of this.compared) r.close();
    const names = this.hooks.names();
    const onSettings = () => this.highlightDifferences();
    this.compared = wanted.map(studentId => {
      const r = new RunView({ code: this.hooks.code, key: this.hooks.key, studentId, onSettings });
      r.setName(names.get(studentId) ?? '');
      return r;
    });
    $('compare-panels').replaceChildren(...this.compared.map(r => r.element));
    $('compare-panels').dataset.count = String(this.compared.length);
  }

  /** Each roster update: names (anonymized or not), the spotlight, the class view's figures. */
  roster(m, cards) {
    if (m.spotlight !== undefined) this.spotlit = m.spotlight ?? null;
    const names = this.hooks.names();
    this.classView.update(cards, m.spotlight);
    if (!this.view) return;
    this.followSpotlight();
    for (const r of this.runs()) r.setName(names.get(r.studentId) ?? '');
    $('spotlight-name').textContent = this.spotlit ? (names.get(this.spotlit) ?? '') : 'No student in the spotlight';
    if (this.view === 'class') this.classView.requestDraw();
  }

  /** The spotlight view watches the room's spotlit student. */
  followSpotlight() {
    if (this.view !== 'spotlight') { this.spotView?.close(); this.spotView = null; return; }
    if (this.spotView?.studentId === this.spotlit) return;
    this.spotView?.close();
    this.spotView = null;
    const names = this.hooks.names();
    $('spotlight-name').textContent = this.spotlit ? (names.get(this.spotlit) ?? '') : 'No student in the spotlight';
    if (!this.spotlit) return;
    this.spotView = new RunView({ code: this.hooks.code, key: this.hooks.key, studentId: this.spotlit, onSettings: () => this.spotView?.showSettings(new Set()) });
    this.spotView.setName('');
    $('spotlight-run').replaceChildren(this.spotView.element);
  }

  /** Every setting whose value is not the same on every compared run is highlighted on each. */
  highlightDifferences() {
    const differing = new Set();
    for (const k of COMPARED) {
      const values = new Set(this.compared.map(r => r.settings.get(k.key) ?? ''));
      if (values.size > 1 && this.compared.every(r => r.session)) differing.add(k.key);
    }
    for (const r of this.compared) r.showSettings(differing);
  }
}
