// Saving and sharing runs, so a run can be sent as a short link: the #save-run button, the #share-link short link and the
// export links. Self-contained: view/SaveRunSection renders its elements, main.js wires it with
// saveRun.openingMessage() (a /r/{id} page loads its run) and saveRun.receive(message).

const $ = id => document.getElementById(id);
const RUN_PATH = /^\/r\/([0-9A-Za-z]{22})$/;

/** The exports of a saved run: element id -> path under /api/runs/{id}/. */
const EXPORTS = {
  'export-keras': 'keras.py',
  'export-tfjs-model': 'tfjs/model.json',
  'export-tfjs-weights': 'tfjs/weights.bin',
  'export-losses': 'losses.csv',
  'export-boundary': 'boundary.png',
};

export class SaveRun {
  /** send(message) sends one protocol message and returns false when not connected. */
  constructor(send) {
    this.send = send;
    this.button = $('save-run');
    this.status = $('save-status');
    const match = RUN_PATH.exec(location.pathname);
    this.openedRun = match ? match[1] : null;
    this.button?.addEventListener('click', () => this.save());
    if (this.openedRun) this.show(this.openedRun, `/r/${this.openedRun}`);
  }

  /** The first message of a socket: loadRun on a short link's page, else null (load the link). */
  openingMessage() {
    return this.openedRun ? { type: 'loadRun', run: this.openedRun } : null;
  }

  save() {
    if (!this.send({ type: 'save' })) { this.setStatus('Not connected to the server.'); return; }
    this.button.disabled = true;
    this.setStatus('Saving…');
  }

  /**
   * The server's link for the run on the page. A saved run's address (/r/{id}) brings back the run as
   * saved: once the run changes, the address becomes the playground's with the new link, so that it
   * still reproduces what runs (and a reconnect no longer reopens the saved run).
   */
  follow(link) {
    if (!this.openedRun) return;
    if (this.savedLink === undefined) { this.savedLink = link; return; }
    if (link === this.savedLink) return;
    this.openedRun = null;
    history.replaceState(null, '', `/#${link}`);
  }

  /** Handles 'saved' (true); notes a failed save or loadRun and lets the page show its error (false). */
  receive(message) {
    if (message.type === 'saved') {
      this.button.disabled = false;
      this.show(message.id, message.url);
      this.setStatus(`Saved at epoch ${message.epoch}.`);
      return true;
    }
    if (message.type === 'error' && (message.request === 'save' || message.request === 'loadRun')) {
      this.button.disabled = false;
      this.setStatus(message.request === 'save' ? 'Not saved.' : 'Could not open the saved run.');
    }
    return false;
  }

  /** Shows the short link and points the export links at the saved run. */
  show(id, url) {
    const link = $('share-link');
    if (link) {
      link.href = url;
      link.textContent = new URL(url, location.origin).href;
      link.hidden = false;
    }
    for (const [elementId, path] of Object.entries(EXPORTS)) {
      const a = $(elementId);
      if (!a) continue;
      a.href = `/api/runs/${id}/${path}`;
      a.removeAttribute('aria-disabled');
    }
  }

  setStatus(text) { if (this.status) this.status.textContent = text; }
}
