// Message builders mirroring the server's ClientMessage records (docs/protocol.md).

export const load = link => ({ type: 'load', link });
export const loadCsv = (name, content, label) =>
  label ? { type: 'loadCsv', name, content, label } : { type: 'loadCsv', name, content };
export const play = () => ({ type: 'play' });
export const pause = () => ({ type: 'pause' });
export const step = (epochs = 1) => ({ type: 'step', epochs });
export const reset = () => ({ type: 'reset' });
export const regenerate = () => ({ type: 'regenerate' });
export const set = (key, value) => ({ type: 'set', key, value: String(value) });
export const setWeight = (layer, to, from, value) => ({ type: 'setWeight', layer, to, from, value });
export const setBias = (layer, node, value) => ({ type: 'setBias', layer, node, value });
export const selectNode = node => ({ type: 'selectNode', node });
export const speed = epochsPerFrame => ({ type: 'speed', epochsPerFrame });

/** Grid modes of a frame. */
export const GRID_SCALAR = 0;
export const GRID_CLASSES = 1;
