// The WebSocket to the server: reconnects, parses JSON messages and decodes binary frames.
// Reconnect and resume (docs/protocol.md, "Reconnecting"): when the socket drops (1012: the server
// restarts; 1001, 1006: the connection was lost) it opens again after a jittered backoff, 0.3 s
// doubling up to 5 s, for about 2 minutes; the first message on a new socket is then the page's
// own greeting (onOpen tells it that this is a reconnect, and the resume token to send).

import { decodeFrame, ack, ACK_EVERY, ACK_FLUSH_MS } from './protocol.js';

/** Backoff of the reconnects: first delay, largest delay, and when to give up (ms). */
export const RECONNECT = { firstMs: 300, maxMs: 5000, giveUpMs: 120_000 };
/** Where this tab keeps the resume token of its /ws session (sessionStorage: per tab, gone with it). */
const TOKEN_KEY = 'playground.resumeToken';

/**
 * One socket with automatic reconnect; handlers: onOpen({reconnect, token}), onMessage(json),
 * onFrame(frame), onClose({code, reason}), onGiveUp(). {@code token} is the resume token the server
 * gave this tab ({@code resumeToken}) on a reconnect, else null; the page sends it in {@code resume}.
 */
export class PlaygroundSocket {
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.decoding = Promise.resolve();
    this.ws = null;
    this.opened = false;         // a socket has been open before: the next open is a reconnect
    this.attempt = 0;
    this.droppedAt = 0;          // when the open socket dropped (ms), 0 while connected
    this.unacked = 0;            // frames received and not yet acknowledged
    this.ackTimer = null;
    this.stopped = false;        // stop(): no more reconnects
  }

  connect() {
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.unacked = 0; // a new socket owes nothing
    ws.onopen = () => {
      const reconnect = this.opened;
      this.opened = true;
      this.attempt = 0;
      this.droppedAt = 0;
      this.handlers.onOpen?.({ reconnect, token: reconnect ? resumeToken() : null });
    };
    ws.onmessage = event => this.receive(event.data);
    ws.onclose = event => {
      if (this.ws !== ws || this.stopped) return;
      if (!this.droppedAt) this.droppedAt = Date.now();
      this.handlers.onClose?.({ code: event.code, reason: event.reason });
      if (Date.now() - this.droppedAt > RECONNECT.giveUpMs) { this.handlers.onGiveUp?.(); return; }
      setTimeout(() => this.connect(), reconnectDelay(this.attempt++));
    };
  }

  /** Closes the socket for good: no reconnect (a class tab that another tab took over waits for a reload). */
  stop() {
    this.stopped = true;
    this.ws?.close(1000, 'stopped');
  }

  /** Sends one message (an object from protocol.js); false when the socket is not open. */
  send(message) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  /**
   * Acknowledges frames as they arrive, two in one message (flow control: the server keeps at most
   * 3 unacknowledged); a lone frame is acknowledged after ACK_FLUSH_MS so nothing stays owed.
   */
  acknowledge() {
    clearTimeout(this.ackTimer);
    if (++this.unacked >= ACK_EVERY) this.flushAck();
    else this.ackTimer = setTimeout(() => this.flushAck(), ACK_FLUSH_MS);
  }

  flushAck() {
    if (this.unacked > 0 && this.send(ack(this.unacked))) this.unacked = 0;
  }

  receive(data) {
    if (typeof data === 'string') {
      const message = JSON.parse(data);
      // the tab's resume token is the socket's business: kept for the next reconnect, not shown
      if (message.type === 'resumeToken') { keepResumeToken(message.token); return; }
      // Keep text and frames in arrival order: frames decode asynchronously.
      this.decoding = this.decoding.then(() => this.handlers.onMessage?.(message));
    } else {
      this.acknowledge();
      const decoded = decodeFrame(data);
      this.decoding = this.decoding.then(() => decoded)
        .then(frame => this.handlers.onFrame?.(frame))
        .catch(error => console.error('bad frame', error));
    }
  }
}

/** The n-th reconnect's delay: 0.3 s doubling up to 5 s, each between half and all of it (pages of one server do not all come back at once). */
export function reconnectDelay(n) {
  const ceiling = Math.min(RECONNECT.maxMs, RECONNECT.firstMs * 2 ** Math.min(n, 10));
  return ceiling * (0.5 + Math.random() / 2);
}

/** The notice after a resume ({@code resumed} with from "checkpoint"): the time offline, and the training lost apart. */
export function resumedNotice(message) {
  const offline = message.offlineSeconds ?? message.lostSeconds;
  const lost = message.lostSeconds > 0
    ? `at most about ${message.lostSeconds} s of training were lost`
    : 'no training was lost';
  return `Reconnected to the server after ${offline} s: your run continues from epoch ${message.epoch} (${lost}).`;
}

function resumeToken() {
  try { return sessionStorage.getItem(TOKEN_KEY); } catch { return null; }
}

function keepResumeToken(token) {
  try { sessionStorage.setItem(TOKEN_KEY, token); } catch { /* storage off: no resume after a reconnect */ }
}
