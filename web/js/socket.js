// The WebSocket to the server: reconnects, parses JSON messages and decodes binary frames.

import { decodeFrame, ack, ACK_EVERY, ACK_FLUSH_MS } from './protocol.js';

/** One socket with automatic reconnect; handlers: onOpen(), onMessage(json), onFrame(frame), onClose(). */
export class PlaygroundSocket {
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.retryMs = 500;
    this.decoding = Promise.resolve();
    this.ws = null;
    this.unacked = 0;
    this.ackTimer = null;
  }

  connect() {
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.unacked = 0; // a new socket owes nothing
    ws.onopen = () => { this.retryMs = 500; this.handlers.onOpen?.(); };
    ws.onmessage = event => this.receive(event.data);
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.handlers.onClose?.();
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 8000);
    };
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
      // Keep text and frames in arrival order: frames decode asynchronously.
      this.decoding = this.decoding.then(() => this.handlers.onMessage?.(JSON.parse(data)));
    } else {
      this.acknowledge();
      const decoded = decodeFrame(data);
      this.decoding = this.decoding.then(() => decoded)
        .then(frame => this.handlers.onFrame?.(frame))
        .catch(error => console.error('bad frame', error));
    }
  }
}
