// The heatmap's plane: axis ranges and names from session.grid, and for data with 3+ input
// columns the two menus that choose the slice (link keys sliceX, sliceY).

import { formatNumber } from './readouts.js';

const $ = id => document.getElementById(id);

function short(v) { return formatNumber(v, Math.abs(v) >= 10 ? 0 : Math.abs(v) >= 1 ? 1 : 2); }

/** Labels the axes with the plane's range and (tables, CSVs) its column names. */
export function showAxes(session) {
  const g = session.grid;
  if (!g) return;
  const axes = $('heatmap-axes');
  const set = (cls, text) => { const e = axes.querySelector(cls); if (e && e.textContent !== text) e.textContent = text; };
  set('.axis-min', short(g.min));
  set('.axis-max', short(g.max));
  set('.axis-y-min', short(g.yMin ?? g.min));
  set('.axis-y-max', short(g.yMax ?? g.max));
  set('.x-name', g.xName ? `${g.xName} →` : '');
  set('.y-name', g.yName ? `${g.yName} →` : '');
}

/** Shows the slice menus for 3+ input columns, filled with the session's column names. */
export function showSliceMenus(session) {
  const many = session.inputs.length > 2 && session.grid?.xName !== undefined && !session.inputs.includes('x');
  $('slice-controls').hidden = !many;
  if (!many) return;
  for (const id of ['slice-x', 'slice-y']) {
    const select = $(id);
    const names = [...select.options].map(o => o.value);
    if (names.join('\n') === session.inputs.join('\n')) continue;
    select.replaceChildren(...session.inputs.map(name => new Option(name, name)));
  }
  $('slice-x').value = session.grid.xName;
  $('slice-y').value = session.grid.yName;
}

/** True when two session links differ only in the slice (then the run goes on: no new chart). */
export function onlySliceChanged(before, after) {
  if (!before) return false;
  const strip = link => link.split('&').filter(p => !p.startsWith('sliceX=') && !p.startsWith('sliceY=')).join('&');
  return before.link !== after.link && strip(before.link) === strip(after.link);
}
