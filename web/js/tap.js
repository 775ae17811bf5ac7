// Lets a course module listen to the socket next to main.js, so wiring it takes one line there:
// the module's handlers run after main.js's own, and a failing module never silences the others.

/** Chains { onOpen, onMessage, onFrame } after the socket's existing handlers. */
export function tap(socket, extra) {
  const handlers = socket.handlers;
  for (const name of ['onOpen', 'onMessage', 'onFrame', 'onClose']) {
    if (!extra[name]) continue;
    const before = handlers[name];
    handlers[name] = arg => {
      try { before?.(arg); } finally {
        try { extra[name](arg); } catch (error) { console.error(`course module ${name}`, error); }
      }
    };
  }
}
