// The link (URL hash) state. Every key, default, range, label and effect comes from the server's
// LinkKey table, which the page embeds as JSON (#link-table): no second list of settings here.
// The server owns the settings; this module keeps the hash it sends and answers what a key is now.

const TABLE = JSON.parse(document.getElementById('link-table')?.textContent ?? '{"keys":[],"features":[],"limits":{}}');

/** The table rows by key: {key, origin, shows, effect, label, help, control, options, step, sliderMax, allowed}. */
export const LINK_KEYS = new Map(TABLE.keys.map(row => [row.key, row]));
export const HIDE_SUFFIX = TABLE.hideSuffix ?? '_hide';

/** The input features in TF Playground's order. */
export const FEATURE_KEYS = TABLE.features;

/** The limits the server also checks, e.g. csvBytes (the largest CSV file it takes). */
export const LIMITS = TABLE.limits;

/** The words the page shows for a key (e.g. "X₁" for x), or the key itself. */
export function labelOf(key) { return LINK_KEYS.get(key)?.label ?? key; }

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
    this.effective = {};      // what the server's run actually uses where the link is silent (loss, output)
  }

  /** Takes the hash the server sent (session.link or link.hash) and writes it to the address bar. */
  update(hash) {
    this.hash = hash.replace(/^#/, '');
    this.params = parseHash(this.hash);
    if (location.hash.replace(/^#/, '') !== this.hash) history.replaceState(null, '', '#' + this.hash);
  }

  /** The settings the server's run uses (session.effective): shown where the link leaves a key out. */
  setEffective(effective) { this.effective = effective ?? {}; }

  /** A key's value: the link's, else what the run uses, else what the table says a control shows. */
  get(key) {
    if (this.params.has(key)) return this.params.get(key);
    return this.effective[key] ?? LINK_KEYS.get(key)?.shows ?? null;
  }

  bool(key) { return this.get(key) === 'true'; }

  /** True when the link hides this key's control (TF's classroom links: key_hide=true). */
  isHidden(key) { return this.params.get(key + HIDE_SUFFIX) === 'true'; }

  /** The hidden layer widths, e.g. [4, 2]; [] for none. */
  networkShape() {
    const text = this.get('networkShape') ?? '';
    return text.split(',').filter(s => s.trim() !== '').map(Number);
  }
}
