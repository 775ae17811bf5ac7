// The network drawing: feature nodes, hidden neurons and output nodes as small heatmaps, links as
// curves on a canvas whose width and colour show the weight. Hover cards edit weights and biases.

import { Heatmap, FEATURE_FUNCTIONS, gridOf, colorOf, shadeOf, SHADE_CSS } from './heatmap.js';
import { FEATURE_KEYS, labelOf } from './state.js';

const HEADER = 40;        // room above the columns for each layer's +/- buttons
const FEATURE_X = 62;     // centre of the features column (labels sit to its left)

function el(tag, className, parent) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  parent?.appendChild(e);
  return e;
}

/** Above this many links a network is dense: thin links, redrawn at a lower rate. */
const DENSE_LINKS = 1000;

/** TF: width 1..10 px for |weight| 0..5. */
function linkWidth(w) { return Math.round((1 + Math.min(5, Math.abs(w)) * 1.8) * 10) / 10; }

function rgb(v) { const [r, g, b] = colorOf(v); return `rgb(${r},${g},${b})`; }

/**
 * handlers: selectNode(id|null), toggleFeature(key, on), setShape(widths), setWeight(layer, to, from, v),
 * setBias(layer, node, v).
 */
export class NetworkView {
  constructor(root, handlers) {
    this.root = root;
    this.svg = root.querySelector('#svg');
    this.nodesDiv = root.querySelector('#network-nodes');
    this.card = root.querySelector('#hovercard');
    this.canvas = document.createElement('canvas');      // links and node heatmaps, redrawn per frame
    this.canvas.id = 'network-canvas';
    this.svg.before(this.canvas);
    this.context = this.canvas.getContext('2d');
    this.thumbCanvas = document.createElement('canvas'); // node pictures, above the links
    this.thumbCanvas.id = 'network-thumbs';
    this.svg.before(this.thumbCanvas);
    this.thumbContext = this.thumbCanvas.getContext('2d');
    this.scratch = new Heatmap(document.createElement('canvas'));
    this.handlers = handlers;
    this.session = null;
    this.links = [];
    this.biases = [];
    this.thumbs = [];
    this.weights = null;
    this.selected = -1;
    this.setUpCard();
    this.hovered = null;
    root.addEventListener('mousemove', e => this.hoverAt(e));
    root.addEventListener('mouseleave', () => { this.hovered = null; this.leaveCard(); });
    root.addEventListener('click', e => { if (this.hovered && e.target === root) this.editCard(e, this.hovered); });
    this.frameCount = 0;
    this.scroller = root.parentElement;
    // thumbnails outside the visible band are not drawn; scrolling brings them in
    this.scroller?.addEventListener('scroll', () => {
      if (this.scrollPending) return;
      this.scrollPending = true;
      requestAnimationFrame(() => { this.scrollPending = false; this.paint(this.frame, true); });
    }, { passive: true });
  }

  /** Lays the network out for a session (layers, nodes, inputs) and the link's feature switches. */
  build(session, state) {
    this.session = session;
    this.state = state;
    this.frame = null;      // the last session's pictures must not reappear on the new drawing
    this.weights = null;
    this.render();
  }

  /** The same run showing another slice: the input pictures change, the last frame stays. */
  reslice(session) {
    this.session = session;
    this.render();
  }

  render() {
    const session = this.session;
    if (!session) return;
    this.hideCard();
    this.svg.replaceChildren();
    this.nodesDiv.replaceChildren();
    this.links = [];
    this.biases = [];
    this.thumbs = [];
    this.nodeElements = [];
    this.selected = -1;
    this.ringed = null;

    const layers = session.layers;                 // inputs first, output last
    const planar = session.inputs.every(name => FEATURE_KEYS.includes(name));
    // TF Playground removes hidden features (x_hide=true) from its inputs: they are not drawn at all
    const featureColumn = planar ? FEATURE_KEYS.filter(key => !this.state?.isHidden(key)) : session.inputs;
    const hiddenCount = layers.length - 2;
    const tallest = Math.max(featureColumn.length, ...layers.slice(1));
    const width = Math.max(360, this.root.clientWidth);
    const maxHeight = Math.max(300, Math.min(560, window.innerHeight - 260));
    // nodes stay big enough to click and hover; a wide layer makes the drawing taller and it
    // scrolls inside its own column (#network-scroll) instead of stretching the page
    const row = Math.max(20, Math.min(40, Math.floor(maxHeight / tallest)));
    const size = Math.max(14, Math.min(30, row - 10));
    const height = HEADER + tallest * row;
    this.root.style.height = `${height}px`;
    this.svg.setAttribute('width', width);
    this.svg.setAttribute('height', height);
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.context.setTransform(ratio, 0, 0, ratio, 0, 0);
    for (const [k, v] of [['width', this.canvas.width], ['height', this.canvas.height]]) this.thumbCanvas[k] = v;
    this.thumbCanvas.style.width = this.canvas.style.width;
    this.thumbCanvas.style.height = this.canvas.style.height;
    this.thumbContext.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.size = size;
    this.features = [];

    // CSV columns have long names: the features column moves right to make room for them
    const longest = Math.max(0, ...featureColumn.map(key => (planar ? labelOf(key) : key).length));
    const featureX = planar ? FEATURE_X : Math.max(FEATURE_X, Math.min(160, 16 + longest * 7.5));
    const outputX = width - 24;
    const columnX = c => c === 0 ? featureX : featureX + (outputX - featureX) * c / (hiddenCount + 1);
    // columns are centred on the tallest one, but a network taller than its scroll box centres its
    // shorter columns in the visible part, so the features and the output show without scrolling
    const visible = Math.max(300, (this.scroller?.clientHeight || maxHeight) - HEADER);
    const rowY = (i, count) => HEADER + Math.min((tallest - count) * row / 2, Math.max(0, (visible - count * row) / 2))
      + i * row + row / 2;
    const thumbSize = session.grid?.thumbSize || 10;

    // Node positions per layer, in frame order; layer 0 holds the active inputs.
    const positions = layers.map(() => []);
    const inputIndex = new Map(session.inputs.map((name, i) => [name, i]));
    featureColumn.forEach((key, i) => {
      const active = inputIndex.has(key);
      const x = columnX(0), y = rowY(i, featureColumn.length);
      const node = this.node(x, y, size, active ? key : null, 'feature' + (active ? ' active' : ''));
      node.dataset.feature = key;
      const label = el('span', 'feature-label', node);
      label.textContent = planar ? labelOf(key) : key;
      const image = new Heatmap(document.createElement('canvas'));
      if (planar) image.draw(gridOf(FEATURE_FUNCTIONS[key], thumbSize), thumbSize, false);
      // 3+ columns: the slice's two columns as gradients across and up, the others flat (held at their mean)
      else image.draw(gridOf(key === session.grid?.xName ? x => x / 6 : key === session.grid?.yName ? (x, y) => y / 6 : () => 0,
        thumbSize), thumbSize, false);
      const hidden = this.state?.isHidden(key);        // TF's classroom links: <feature>_hide=true
      this.features.push({ x: x - size / 2, y: y - size / 2, image: !hidden ? image.canvas : null, active });
      if (planar) {
        node.addEventListener('click', () => this.handlers.toggleFeature(key, !active));
        node.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.handlers.toggleFeature(key, !active); } });
        node.setAttribute('role', 'switch');
        node.setAttribute('aria-checked', String(active));
        node.setAttribute('aria-label', labelOf(key));
      }
      node.title = planar ? (active ? 'Click to turn this feature off' : 'Click to turn this feature on') : key;
      if (active) {
        positions[0][inputIndex.get(key)] = { x, y, node };
        this.nodeElements[inputIndex.get(key)] = node;
      }
    });

    let nodeIndex = layers[0];
    for (let l = 1; l < layers.length; l++) {
      const count = layers[l];
      const isOutput = l === layers.length - 1;
      const x = isOutput ? outputX : columnX(l);
      if (!isOutput) this.layerHeader(x, l - 1);
      for (let j = 0; j < count; j++) {
        const id = session.nodes[nodeIndex];
        const y = rowY(j, count);
        const node = this.node(x, y, size, isOutput ? null : id, isOutput ? 'output' : 'hidden');
        node.dataset.nodeIndex = nodeIndex;
        this.nodeElements[nodeIndex] = node;
        node.title = isOutput ? 'Output' : `Neuron ${id}: hover to show it in the big heatmap`;
        this.thumbs.push({ x: x - size / 2, y: y - size / 2, node });
        const bias = el('div', 'bias', node);
        bias.dataset.layer = l;
        bias.dataset.node = j;
        const biasItem = { el: bias, layer: l, node: j, colour: '' };
        this.biases.push(biasItem);
        // keyboard: Enter edits the neuron's bias where the pointer would (the card opens beside the
        // node); the arrows walk its incoming weights (ringed on the drawing) and Enter edits the one ringed
        node.setAttribute('aria-label', `${isOutput ? 'Output' : 'Neuron ' + id}: Enter edits its bias; `
          + 'Left or Up and Down arrows choose an incoming weight, Enter edits it, Escape goes back to the bias');
        const layer = l, to = j;
        node.addEventListener('keydown', e => this.nodeKey(e, node, biasItem, layer, to));
        node.addEventListener('blur', () => { if (this.card.input.hidden) this.ringLink(null); });
        positions[l].push({ x, y, node });
        nodeIndex++;
      }
    }

    // Links, layer by layer, row-major (to, from): the frame's weight order. They are drawn on the
    // canvas and found under the pointer by arithmetic (linkAt), not by thousands of DOM elements.
    this.gaps = [];
    for (let l = 1; l < layers.length; l++) {
      const gapStart = this.links.length;
      for (let to = 0; to < layers[l]; to++) {
        for (let from = 0; from < layers[l - 1]; from++) {
          const a = positions[l - 1][from], b = positions[l][to];
          const x1 = a.x + size / 2, x2 = b.x - size / 2, mx = (x1 + x2) / 2;
          this.links.push({ x1, y1: a.y, x2, y2: b.y, mx, layer: l, to, from });
        }
      }
      const first = this.links[gapStart];
      if (first) this.gaps.push({ x1: first.x1, x2: first.x2, start: gapStart, end: this.links.length });
    }
    for (const b of this.biases) {
      b.el.addEventListener('mouseenter', e => this.showCard(e, `Bias ${b.layer}: ${b.node}`, b));
      b.el.addEventListener('mouseleave', () => this.leaveCard());
      b.el.addEventListener('click', e => { e.stopPropagation(); this.editCard(e, b); });
    }
    if (this.frame) this.update(this.frame); else this.paint(null);
  }

  /** A key on a neuron: Enter edits its bias or the ringed weight; arrows choose among its incoming weights. */
  nodeKey(e, node, biasItem, layer, to) {
    const incoming = this.links.filter(link => link.layer === layer && link.to === to);
    const ringed = this.ringed && this.ringed.layer === layer && this.ringed.to === to ? this.ringed : null;
    if (e.key === 'Enter') {
      e.preventDefault();
      const r = node.getBoundingClientRect();
      this.returnFocus = node;       // after the edit the keyboard goes on from this neuron
      if (ringed) this.editCard(this.linkPoint(ringed), ringed);
      else this.editCard({ clientX: r.right, clientY: r.top }, biasItem);
    } else if (['ArrowLeft', 'ArrowUp', 'ArrowDown'].includes(e.key) && incoming.length > 0) {
      e.preventDefault();
      e.stopPropagation();
      const at = ringed ? incoming.indexOf(ringed) : -1;
      const next = e.key === 'ArrowUp' ? (at <= 0 ? incoming.length - 1 : at - 1) : (at + 1) % incoming.length;
      this.ringLink(incoming[next]);
    } else if (e.key === 'Escape' && ringed) {
      e.preventDefault();
      this.ringLink(null);
    }
  }

  /** Rings one link (the keyboard's weight) with a focus ring on the drawing and shows its value; null clears it. */
  ringLink(link) {
    this.ringed = link;
    this.paint(this.frame, true);
    if (!link) { this.leaveCard(); return; }
    this.showCard(this.linkPoint(link), `Weight ${link.layer}: ${link.from}→${link.to}`, link);
    this.card.hint.textContent = 'Enter edits this weight';
  }

  /** The middle of a link in page coordinates (where a pointer would hover it). */
  linkPoint(link) {
    const box = this.root.getBoundingClientRect();
    return { clientX: box.left + link.mx, clientY: box.top + (link.y1 + link.y2) / 2 };
  }

  node(x, y, size, selectId, className) {
    const node = el('div', 'node ' + className, this.nodesDiv);
    node.style.left = `${x - size / 2}px`;
    node.style.top = `${y - size / 2}px`;
    node.style.width = node.style.height = `${size}px`;
    node.addEventListener('mouseenter', () => { if (selectId !== null || className === 'output') this.handlers.selectNode(selectId); });
    node.addEventListener('mouseleave', () => { if (selectId !== null) this.handlers.selectNode(null); });
    // reachable by Tab like the other controls; the focused node shows in the big heatmap as on hover
    node.tabIndex = 0;
    node.addEventListener('focus', () => { if (selectId !== null || className === 'output') this.handlers.selectNode(selectId); });
    node.addEventListener('blur', () => { if (selectId !== null) this.handlers.selectNode(null); });
    return node;
  }

  layerHeader(x, hiddenIndex) {
    const header = el('div', 'layer-header', this.nodesDiv);
    header.style.left = `${x - 40}px`;
    const shape = () => this.state.networkShape();
    const plus = el('button', 'mini-button', header);
    plus.textContent = '+';
    plus.title = 'Add a neuron';
    plus.addEventListener('click', () => { const s = shape(); s[hiddenIndex]++; this.handlers.setShape(s); });
    const minus = el('button', 'mini-button', header);
    minus.textContent = '−';
    minus.title = 'Remove a neuron';
    minus.addEventListener('click', () => {
      const s = shape();
      if (s[hiddenIndex] > 1) { s[hiddenIndex]--; this.handlers.setShape(s); }
    });
    const count = this.session.layers[hiddenIndex + 1];
    el('div', 'layer-count', header).textContent = `${count} neuron${count === 1 ? '' : 's'}`;
  }

  /** Shows one frame: link widths and colours, biases, node thumbnails, the selected node. */
  update(frame) {
    this.frame = frame;
    const w = frame.weights;
    this.weights = w;
    const layers = this.session?.layers;
    if (!layers) return;
    let weightCount = 0;
    for (let l = 1; l < layers.length; l++) weightCount += layers[l] * layers[l - 1];
    if (w.length < weightCount) return;     // a frame from before the last rebuild
    this.links.forEach((link, i) => { link.index = i; });
    for (let i = 0; i < this.biases.length; i++) {
      const b = this.biases[i];
      b.index = weightCount + i;
    }
    this.paint(frame);
    if (frame.selectedNode !== this.selected) {
      this.nodesDiv.querySelector('.node.selected')?.classList.remove('selected');
      const target = this.nodeElements[frame.selectedNode];
      target?.classList.add('selected');
      this.selected = frame.selectedNode;
    }
    if (this.card.item && this.card.input.hidden) this.card.value.textContent = this.valueOf(this.card.item).toPrecision(3);
  }

  /** Draws every link (width and colour from its weight) and every node's heatmap on the canvas. */
  paint(frame, everyThumb = false) {
    const c = this.context, size = this.size;
    this.frameCount++;
    // Drawing work per frame is bounded: a dense network (over 1,000 links) draws thin links and
    // redraws them every 8th frame (the browser rasterizes every curve again each time); the big
    // heatmap, figures and chart still follow every frame.
    const dense = this.links.length > DENSE_LINKS;
    if (dense && frame && !everyThumb && this.frameCount % 8 !== 1) { this.paintThumbs(frame, false); return; }
    c.clearRect(0, 0, this.canvas.width, this.canvas.height);
    c.lineCap = 'butt';
    const w = frame?.weights;
    // One stroke per (shade, width): links sorted into style groups, not one stroke each.
    const groups = new Map();
    for (let i = 0; i < this.links.length; i++) {
      const v = w ? w[i] : 0;
      const width = dense ? Math.min(1.5, linkWidth(v) / 4) : linkWidth(v);
      const key = w && Number.isFinite(v) ? shadeOf(v) * 1000 + Math.round(width * 10) : -1;
      let group = groups.get(key);
      if (!group) groups.set(key, group = []);
      group.push(this.links[i]);
    }
    for (const [key, links] of groups) {
      c.strokeStyle = key < 0 ? '#ccc' : SHADE_CSS[Math.floor(key / 1000)];
      c.lineWidth = key < 0 ? 1 : (key % 1000) / 10;
      c.beginPath();
      for (const link of links) {
        c.moveTo(link.x1, link.y1);
        c.bezierCurveTo(link.mx, link.y1, link.mx, link.y2, link.x2, link.y2);
      }
      c.stroke();
    }
    const r = this.ringed;
    if (r && this.links.includes(r)) {
      // the keyboard's weight: the same focus ring colour as the page's other controls, around the link
      c.save();
      c.strokeStyle = '#1f6feb';
      c.lineWidth = 3;
      c.setLineDash([6, 3]);
      for (const dy of [-5, 5]) {
        c.beginPath();
        c.moveTo(r.x1, r.y1 + dy);
        c.bezierCurveTo(r.mx, r.y1 + dy, r.mx, r.y2 + dy, r.x2, r.y2 + dy);
        c.stroke();
      }
      c.restore();
    }
    if (frame) this.paintThumbs(frame, everyThumb);
    else this.paintFeatures();
  }

  /** The feature nodes' fixed pictures, on the node layer. */
  paintFeatures() {
    const c = this.thumbContext, size = this.size;
    c.clearRect(0, 0, this.thumbCanvas.width, this.thumbCanvas.height);
    c.imageSmoothingEnabled = true;
    for (const f of this.features) {
      if (!f.image) continue;
      c.globalAlpha = f.active ? 1 : 0.35;
      c.fillStyle = '#fff';
      c.fillRect(f.x, f.y, size, size);
      c.drawImage(f.image, f.x, f.y, size, size);
    }
    c.globalAlpha = 1;
  }

  /**
   * Node thumbnails on their own layer above the links. Bounded work per frame whatever the size:
   * only nodes in the column's visible band are drawn, and a network with more than 64 of them
   * refreshes them every 4th frame (the links and the big heatmap still follow every frame).
   */
  paintThumbs(frame, everyThumb) {
    const t = frame.thumbSize, count = t ? Math.min(this.thumbs.length, Math.floor(frame.thumbs.length / (t * t))) : 0;
    if (count > 64 && !everyThumb && this.frameCount % 4 !== 0) return;
    const c = this.thumbContext, size = this.size;
    this.paintFeatures();
    c.fillStyle = '#fff';
    if (count === 0) {
      for (const node of this.thumbs) c.fillRect(node.x, node.y, size, size);
      return;
    }
    const top = this.scroller ? this.scroller.scrollTop - size : -Infinity;
    const bottom = this.scroller ? this.scroller.scrollTop + this.scroller.clientHeight : Infinity;
    this.scratch.drawStrip(frame.thumbs, t, count);
    for (let i = 0; i < count; i++) {
      const node = this.thumbs[i];
      if (node.y < top || node.y > bottom) continue;
      c.fillRect(node.x, node.y, size, size);
      c.drawImage(this.scratch.canvas, i * t, 0, t, t, node.x, node.y, size, size);
    }
    this.paintBiases(top, bottom);
  }

  /** Each node's bias as a small coloured square at its lower left (drawn, so no element restyles per frame). */
  paintBiases(top, bottom) {
    const c = this.thumbContext, w = this.weights;
    if (!w) return;
    for (let i = 0; i < this.biases.length; i++) {
      const node = this.thumbs[i], b = this.biases[i];
      if (!node || node.y < top || node.y > bottom || b.index === undefined) continue;
      c.fillStyle = rgb(w[b.index]);
      c.fillRect(node.x - 5, node.y + this.size - 2, 7, 7);
    }
  }

  /**
   * The link under the pointer, exactly: every link of a gap between two columns shares its end x's
   * and control x, so the curve parameter t at the pointer's x is the same for all of them (found by
   * bisection once); each link's y there is y1 + (y2 - y1) * (3t² - 2t³). The nearest within its
   * drawn half-width (at least 4 px) wins.
   */
  linkAt(x, y) {
    const gap = this.gaps?.find(g => x >= g.x1 && x <= g.x2);
    if (!gap) return null;
    const xAt = t => { const u = 1 - t; return u * u * u * gap.x1 + 3 * u * t * (gap.x1 + gap.x2) / 2 + t * t * t * gap.x2; };
    let lo = 0, hi = 1;
    for (let i = 0; i < 30; i++) { const mid = (lo + hi) / 2; if (xAt(mid) < x) lo = mid; else hi = mid; }
    const t = (lo + hi) / 2, blend = 3 * t * t - 2 * t * t * t;
    let best = null, bestDistance = Infinity;
    for (let i = gap.start; i < gap.end; i++) {
      const link = this.links[i];
      const distance = Math.abs(link.y1 + (link.y2 - link.y1) * blend - y);
      const reach = Math.max(4, (this.weights ? linkWidth(this.weights[i]) : 1) / 2 + 1);
      if (distance <= reach && distance < bestDistance) { best = link; bestDistance = distance; }
    }
    return best;
  }

  hoverAt(event) {
    if (event.target !== this.root) { if (this.hovered) { this.hovered = null; this.leaveCard(); } return; }
    const box = this.root.getBoundingClientRect();
    const link = this.linkAt(event.clientX - box.left, event.clientY - box.top);
    if (link !== this.hovered) {
      this.hovered = link;
      this.root.style.cursor = link ? 'pointer' : '';
      if (link) this.showCard(event, `Weight ${link.layer}: ${link.from}→${link.to}`, link);
      else this.leaveCard();
    } else if (link) {
      this.moveCard(event);
    }
  }

  valueOf(item) { return this.weights && item.index !== undefined ? this.weights[item.index] : NaN; }

  // --- hover card: shows a weight or bias; a click turns it into an input (Enter sends, Escape closes).

  setUpCard() {
    const card = this.card;
    card.label = card.querySelector('.hovercard-label');
    card.input = card.querySelector('.hovercard-input');
    card.hint = card.querySelector('.hovercard-hint');
    card.value = document.createElement('span');
    card.value.className = 'hovercard-value';
    card.label.after(card.value);
    card.input.hidden = true;
    card.input.addEventListener('keydown', e => {
      e.stopPropagation();
      if (e.key === 'Enter') this.commitCard();
      if (e.key === 'Escape') this.hideCard();
    });
    card.input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== card.input) this.hideCard(); }, 150));
  }

  showCard(event, label, item) {
    if (!this.card.input.hidden) return;      // editing: keep the card where it is
    this.card.item = item;
    this.card.label.textContent = label.split(':')[0].startsWith('Bias') ? 'Bias is ' : 'Weight is ';
    this.card.value.textContent = this.valueOf(item).toPrecision(3);
    this.card.hint.textContent = 'click to edit';
    this.card.hint.hidden = false;
    this.card.hidden = false;
    this.moveCard(event);
  }

  moveCard(event) {
    if (!this.card.input.hidden) return;
    const box = this.root.getBoundingClientRect();
    // the card stays inside the network's column (near the right edge it opens to the left)
    const width = this.card.offsetWidth || 160;
    const left = event.clientX - box.left + 12;
    this.card.style.left = `${left + width > box.width ? Math.max(0, event.clientX - box.left - width - 12) : left}px`;
    this.card.style.top = `${event.clientY - box.top + 12}px`;
  }

  leaveCard() { if (this.card.input.hidden) this.hideCard(); }

  editCard(event, item) {
    this.card.input.hidden = true;
    this.showCard(event, item.to !== undefined ? 'Weight' : 'Bias', item);
    this.card.input.hidden = false;
    this.card.value.textContent = '';
    this.card.hint.hidden = true;
    this.card.input.value = this.valueOf(item).toPrecision(3);
    this.card.input.focus();
    this.card.input.select();
  }

  commitCard() {
    const item = this.card.item, input = this.card.input, text = input.value.trim();
    const value = Number(text);
    // "abc" in a number field reads as "" (and Number("") is 0): refuse it instead of zeroing the weight
    if (input.validity.badInput || text === '' || !Number.isFinite(value)) {
      this.handlers.refused?.('Type a number for the weight, e.g. 0.5 or -1.2.');
      input.focus();
      return;
    }
    if (item) {
      if (item.to !== undefined) this.handlers.setWeight(item.layer, item.to, item.from, value);
      else this.handlers.setBias(item.layer, item.node, value);
    }
    this.hideCard();
  }

  hideCard() {
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back && !this.card.input.hidden && back.isConnected) setTimeout(() => back.focus(), 0);
    this.card.hidden = true;
    this.card.input.hidden = true;
    this.card.item = null;
  }
}
