// The page's frame acknowledgements (web/js/socket.js): two frames in one ack while frames keep
// coming, a lone frame after ACK_FLUSH_MS, and nothing owed on a new socket. Run by
// SocketAcksJsTest with `node --test src/test/js/socket-acks.test.mjs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.WebSocket = class { static OPEN = 1; };
const { PlaygroundSocket } = await import('../../../web/js/socket.js');
const { ACK_EVERY, ACK_FLUSH_MS } = await import('../../../web/js/protocol.js');

/** A socket whose sent messages are kept, open as a browser's would be. */
function socket() {
  const s = new PlaygroundSocket('ws://test', {});
  s.sent = [];
  s.ws = { readyState: 1, send: text => s.sent.push(JSON.parse(text)) };
  return s;
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

test('frames are acknowledged two at a time while they keep coming', () => {
  const s = socket();
  for (let i = 0; i < 6; i++) s.acknowledge();
  assert.equal(ACK_EVERY, 2);
  assert.deepEqual(s.sent, [{ type: 'ack', frames: 2 }, { type: 'ack', frames: 2 }, { type: 'ack', frames: 2 }]);
  clearTimeout(s.ackTimer);
});

test('a lone frame is acknowledged alone after the flush delay', async () => {
  const s = socket();
  s.acknowledge();
  s.acknowledge();
  s.acknowledge();
  assert.deepEqual(s.sent, [{ type: 'ack', frames: 2 }]);
  await sleep(ACK_FLUSH_MS + 30);
  assert.deepEqual(s.sent, [{ type: 'ack', frames: 2 }, { type: 'ack' }]);
});

test('on a closed socket nothing is sent and the count waits (connect() starts a new socket at 0)', async () => {
  const s = socket();
  s.ws.readyState = 3;
  s.acknowledge();
  await sleep(ACK_FLUSH_MS + 30);
  assert.deepEqual(s.sent, []);
  assert.equal(s.unacked, 1);
});
