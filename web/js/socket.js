// The WebSocket to the server: reconnects, parses JSON messages and decodes binary frames.

import { decodeFrame, ack } from './protocol.js';

/** One socket with automatic reconnect; handlers: onOpen(), onMessage(json), onFrame(frame), onClose(). */
export class PlaygroundSocket {
  constructor(url, handlers) {
    this.url = url;
    this.handlers = handlers;
    this.retryMs = 500;
    this.decoding = Promise.resolve();
    this.ws = null;
  }

  connect() {
    const ws = new WebSocket(this.url);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
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

  receive(data) {
    if (typeof data === 'string') {
      // Keep text and frames in arrival order: frames decode asynchronously.
      this.decoding = this.decoding.then(() => this.handlers.onMessage?.(JSON.parse(data)));
    } else {
      // acknowledge each frame as it arrives: the server keeps at most 3 unacknowledged (flow control)
      this.send(ack());
      const decoded = decodeFrame(data);
      this.decoding = this.decoding.then(() => decoded)
        .then(frame => this.handlers.onFrame?.(frame))
        .catch(error => console.error('bad frame', error));
    }
  }
}
