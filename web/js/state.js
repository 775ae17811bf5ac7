// The link (URL hash) state: TF Playground's keys plus ours, mirroring the server's LinkKey table.
// The server owns the settings; this module keeps the hash it sends and answers what a key is now.

/** Every link key with the value a control shows when the link leaves it out. */
export const LINK_KEYS = [
  ['activation', 'tanh'], ['regularization', 'none'], ['batchSize', '10'], ['dataset', 'circle'],
  ['regDataset', 'reg-plane'], ['learningRate', '0.03'], ['regularizationRate', '0'], ['noise', '0'],
  ['networkShape', '4,2'], ['seed', null], ['showTestData', 'false'], ['discretize', 'false'],
  ['percTrainData', '50'], ['x', 'true'], ['y', 'true'], ['xTimesY', 'false'], ['xSquared', 'false'],
  ['ySquared', 'false'], ['cosX', 'false'], ['sinX', 'false'], ['cosY', 'false'], ['sinY', 'false'],
  ['collectStats', 'false'], ['tutorial', null], ['problem', 'classification'], ['initZero', 'false'],
  ['hideText', 'false'],
  // Ours: absent means TF Playground's behaviour, which these values name.
  ['optimizer', 'sgd'], ['loss', 'square'], ['output', 'auto'], ['dropout', '0'], ['init', 'tf'],
];

const DEFAULTS = new Map(LINK_KEYS);
export const HIDE_SUFFIX = '_hide';

/** The input features in TF Playground's order. */
export const FEATURE_KEYS = ['x', 'y', 'xSquared', 'ySquared', 'xTimesY', 'sinX', 'sinY'];

/** Splits a hash ("a=1&b=2", with or without '#') into a Map, as TF Playground's parser does. */
export function parseHash(hash) {
  const params = new Map();
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try { params.set(decodeURIComponent(key), decodeURIComponent(value)); } catch { params.set(key, value); }
  }
  return params;
}

/** The session's current link; every change goes to the URL hash without reloading. */
export class LinkState {
  constructor(initialHash = location.hash) {
    this.hash = initialHash.replace(/^#/, '');
    this.params = parseHash(this.hash);
  }

  /** Takes the hash the server sent (session.link or link.hash) and writes it to the address bar. */
  update(hash) {
    this.hash = hash.replace(/^#/, '');
    this.params = parseHash(this.hash);
    if (location.hash.replace(/^#/, '') !== this.hash) history.replaceState(null, '', '#' + this.hash);
  }

  /** A key's value, or what the control shows when the link leaves it out. */
  get(key) { return this.params.has(key) ? this.params.get(key) : DEFAULTS.get(key) ?? null; }

  bool(key) { return this.get(key) === 'true'; }

  /** True when the link hides this key's control (TF's classroom links: key_hide=true). */
  isHidden(key) { return this.params.get(key + HIDE_SUFFIX) === 'true'; }

  /** The hidden layer widths, e.g. [4, 2]; [] for none. */
  networkShape() {
    const text = this.get('networkShape') ?? '';
    return text.split(',').filter(s => s.trim() !== '').map(Number);
  }
}
