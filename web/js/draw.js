// Draw mode, to see how the boundary answers a point of one's own: clicks on the output map add points of the chosen class (shift: the other
// one; regression: the value), right-clicks remove them; the server trains on them at once.

import { tap } from './tap.js';

const $ = id => document.getElementById(id);
const EXTENT = 6; // TF Playground's map spans -6..6; drawn points must lie within it

/** Wires the draw panel to the map and the socket. */
export function installDraw(socket) {
  const toggle = $('draw-toggle');
  const map = $('heatmap');
  if (!toggle || !map) return;
  let drawing = false;
  let problem = 'classification';
  toggle.addEventListener('click', () => {
    drawing = !drawing;
    map.classList.toggle('drawing', drawing);
    toggle.textContent = drawing ? 'Stop drawing' : 'Start drawing';
  });
  const at = event => {
    const r = map.getBoundingClientRect();
    // Drawn points always live on TF's -6..6 map (the server shows a drawing there, and the first
    // point replaces a table's or CSV's fitted plane by it), so the click is read on that map: the
    // point appears where it was clicked, whatever plane the map showed before.
    const x = -EXTENT + 2 * EXTENT * (event.clientX - r.left) / r.width;
    const y = EXTENT - 2 * EXTENT * (event.clientY - r.top) / r.height;
    return { x: clamp(x), y: clamp(y) };
  };
  map.addEventListener('click', event => {
    if (!drawing) return;
    event.preventDefault();
    const { x, y } = at(event);
    let label;
    if (problem === 'regression') {
      const v = Number($('draw-value').value);
      label = (event.shiftKey ? -1 : 1) * (Number.isFinite(v) ? v : 0.5);
    } else {
      const chosen = Number(document.querySelector('input[name=draw-class]:checked')?.value ?? 1);
      label = event.shiftKey ? -chosen : chosen;
    }
    socket.send({ type: 'drawPoint', x, y, label });
  });
  map.addEventListener('contextmenu', event => {
    if (!drawing) return;
    event.preventDefault();
    const { x, y } = at(event);
    socket.send({ type: 'removePoint', x, y });
  });
  tap(socket, {
    onMessage: message => {
      if (message.type !== 'session' && message.type !== 'points') return;
      if (message.type === 'session') problem = message.problem;
      const n = (message.train?.length ?? 0) + (message.test?.length ?? 0);
      $('draw-count').textContent = `${n} point${n === 1 ? '' : 's'}`;
    },
  });
}

function clamp(v) { return Math.max(-EXTENT, Math.min(EXTENT, Math.round(v * 100) / 100)); }
