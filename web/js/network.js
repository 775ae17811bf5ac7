// The network drawing: feature nodes, hidden neurons and output nodes as small heatmaps, links as
// curves on a canvas whose width and colour show the weight. Hover cards edit weights and biases.

import { Heatmap, FEATURE_FUNCTIONS, gridOf, shadeOf, SHADE_CSS, OPAQUE_LUT } from './heatmap.js';
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
/** A dense network's links are redrawn at most every this many frames. */
const DENSE_LINK_EVERY = 8;

/** TF: width 1..10 px for |weight| 0..5. */
function linkWidth(w) { return Math.round((1 + Math.min(5, Math.abs(w)) * 1.8) * 10) / 10; }

/** A link's style is shade x 128 + width in tenths of a pixel; this one is a link with no weight yet. */
const NO_STYLE = 31 * 128;
function widthClass(w) { return Math.round(linkWidth(w) * 10); }
/** Dense networks: a quarter of TF's width in three steps, 0.5, 1 and 1.5 px (fewer styles, fewer paths). */
function denseWidthClass(w) { return 5 * Math.max(1, Math.min(3, Math.round((0.25 + 0.45 * Math.min(5, Math.abs(w))) * 2))); }

function sameStyles(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const sameBytes = sameStyles;

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
    this.thumbFrame = null;
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
    this.ratio = ratio;
    this.linkStyles = null;     // the canvases are cleared: every link draws again
    this.linksWeighted = false;
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
    this.paintFeatures();
    this.blankThumbs();
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
    if (frame.thumbCount > 0) this.thumbFrame = frame;   // frames without pictures keep the last ones
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

  /** Draws the links (width and colour from their weights), the node pictures and the biases. */
  paint(frame, everything = false) {
    this.frameCount++;
    this.paintLinks(frame?.weights, everything);
    if (frame) this.paintThumbs(everything);
  }

  /** The part of the drawing the network's scroll box shows, in drawing coordinates (all of it without a scroll box). */
  band() {
    if (!this.scroller) return { top: -Infinity, bottom: Infinity };
    return { top: this.scroller.scrollTop, bottom: this.scroller.scrollTop + this.scroller.clientHeight };
  }

  /**
   * The links as one stroked path per style (colour shade and width), only those that cross the
   * visible band. Bounded work per frame whatever the size: a dense network (over 1,000 links)
   * draws thin links in three widths and redraws them at most every 8th frame, and not at all
   * while no link changed style (the browser rasterizes every curve again on each redraw); the big
   * heatmap, figures and chart still follow every frame. {@code everything}: the band, the ring or
   * the drawing changed, so redraw whatever the rate.
   */
  paintLinks(w, everything) {
    const links = this.links, n = links.length;
    const dense = n > DENSE_LINKS;
    // the first weights after a layout draw at once (a paused run gets no later frame)
    if (dense && w && this.linksWeighted && !everything && this.frameCount % DENSE_LINK_EVERY !== 1) return;
    // the style of each link, as a number: shade x 128 + width class (NO_STYLE: no weights yet)
    const styles = this.linkStyles?.length === n ? this.nextStyles : new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const v = w ? w[i] : NaN;
      styles[i] = !Number.isFinite(v) ? NO_STYLE : shadeOf(v) * 128 + (dense ? denseWidthClass(v) : widthClass(v));
    }
    const { top, bottom } = this.band();
    if (!everything && this.linkStyles?.length === n && this.linksTop === top && sameStyles(styles, this.linkStyles)) return;
    this.nextStyles = this.linkStyles?.length === n ? this.linkStyles : new Uint16Array(n);
    this.linkStyles = styles;
    this.linksTop = top;
    this.linksWeighted = !!w;
    // links by style: a counting sort, so each style is one path
    const count = this.styleCounts ??= new Uint32Array(NO_STYLE + 2);
    count.fill(0);
    const visible = this.visibleLinks?.length === n ? this.visibleLinks : (this.visibleLinks = new Uint32Array(n));
    let shown = 0;
    for (let i = 0; i < n; i++) {
      const link = links[i];
      // a link's curve stays between its ends' heights
      if (Math.max(link.y1, link.y2) < top || Math.min(link.y1, link.y2) > bottom) continue;
      visible[shown++] = i;
      count[styles[i] + 1]++;
    }
    for (let k = 1; k < count.length; k++) count[k] += count[k - 1];
    const order = this.linkOrder?.length === n ? this.linkOrder : (this.linkOrder = new Uint32Array(n));
    const start = count.slice();
    for (let j = 0; j < shown; j++) { const i = visible[j]; order[start[styles[i]]++] = i; }
    const c = this.context;
    c.clearRect(0, 0, this.canvas.width, this.canvas.height);
    c.lineCap = 'butt';
    for (let style = 0; style <= NO_STYLE; style++) {
      const from = count[style], to = count[style + 1];
      if (from === to) continue;
      c.strokeStyle = style === NO_STYLE ? '#ccc' : SHADE_CSS[style >> 7];
      c.lineWidth = style === NO_STYLE ? 1 : (style & 127) / 10;
      c.beginPath();
      for (let j = from; j < to; j++) {
        const link = links[order[j]];
        c.moveTo(link.x1, link.y1);
        c.bezierCurveTo(link.mx, link.y1, link.mx, link.y2, link.x2, link.y2);
      }
      c.stroke();
    }
    const r = this.ringed;
    if (r && links.includes(r)) {
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
  }

  /** The feature nodes' fixed pictures, on the node layer (drawn when the drawing is laid out). */
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

  /** White squares for the neurons before their first pictures. */
  blankThumbs() {
    const c = this.thumbContext;
    c.fillStyle = '#fff';
    for (const node of this.thumbs) { c.fillRect(node.x, node.y, this.size, this.size); node.shown = null; node.bias = -1; }
  }

  /**
   * Node pictures on their own layer above the links, each put at the canvas's own resolution
   * (upsampled here, no scaled image drawing) and only when it changed; nodes outside the column's
   * visible band are skipped (scrolling brings them in). A big network's frames carry the pictures
   * every few frames (docs/protocol.md): the last ones stay until new ones come. The biases follow
   * every frame.
   */
  paintThumbs(everything) {
    const frame = this.thumbFrame;
    const t = frame?.thumbSize, count = t ? Math.min(this.thumbs.length, Math.floor(frame.thumbs.length / (t * t))) : 0;
    const { top, bottom } = this.band();
    const c = this.thumbContext, size = this.size, ratio = this.ratio;
    for (let i = 0; i < this.thumbs.length; i++) {
      const node = this.thumbs[i];
      if (node.y + size < top || node.y > bottom) { node.shown = null; node.bias = -1; continue; }
      let drawn = false;
      if (i < count) {
        const bytes = frame.thumbs.subarray(i * t * t, (i + 1) * t * t);
        if (everything || !node.shown || !sameBytes(node.shown, bytes)) {
          c.putImageData(this.thumbImage(bytes, t), Math.round(node.x * ratio), Math.round(node.y * ratio));
          if (node.shown?.length === bytes.length) node.shown.set(bytes); else node.shown = bytes.slice();
          drawn = true;
        }
      }
      // the bias: a small square at the node's lower left (drawn, so no element restyles per frame)
      const b = this.biases[i], v = this.weights && b?.index !== undefined ? this.weights[b.index] : NaN;
      const shade = Number.isFinite(v) ? shadeOf(v) : -1;
      if (shade >= 0 && (drawn || shade !== node.bias)) {
        c.fillStyle = SHADE_CSS[shade];
        c.fillRect(node.x - 5, node.y + size - 2, 7, 7);
      }
      node.bias = shade;
    }
  }

  /**
   * One thumbnail as an image of the node's size in canvas pixels: the t x t values upsampled
   * bilinearly (pixel centres, as the browser scales a small canvas), then coloured as the
   * heatmap's background over white.
   */
  thumbImage(bytes, t) {
    const side = Math.max(1, Math.round(this.size * this.ratio));
    let scale = this.thumbScale;
    if (!scale || scale.side !== side || scale.t !== t) {
      const at = new Uint16Array(side), next = new Uint16Array(side), f = new Float32Array(side);
      for (let p = 0; p < side; p++) {
        const x = Math.max(0, Math.min(t - 1, (p + 0.5) * t / side - 0.5));
        at[p] = Math.floor(x);
        next[p] = Math.min(t - 1, at[p] + 1);
        f[p] = x - at[p];
      }
      const image = this.thumbContext.createImageData(side, side);
      scale = this.thumbScale = { side, t, at, next, f, image, pixels: new Uint32Array(image.data.buffer) };
    }
    const { at, next, f, pixels } = scale;
    for (let y = 0; y < side; y++) {
      const r0 = at[y] * t, r1 = next[y] * t, fy = f[y];
      for (let x = 0; x < side; x++) {
        const a = at[x], b = next[x], fx = f[x];
        const top = bytes[r0 + a] + (bytes[r0 + b] - bytes[r0 + a]) * fx;
        const low = bytes[r1 + a] + (bytes[r1 + b] - bytes[r1 + a]) * fx;
        pixels[y * side + x] = OPAQUE_LUT[Math.round(top + (low - top) * fy)];
      }
    }
    return scale.image;
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
