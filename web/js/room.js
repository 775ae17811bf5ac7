// Rooms on the playground page: joining (by link or code), the student's banner, resuming
// after a reload (the token lives in localStorage, never in the address), locks, notices, hosting
// a class, and the teacher's read-only view of one student's run. main.js wires it in.

const $ = id => document.getElementById(id);
const MEMBERSHIP = 'playground.room.membership';   // {code, token, studentId, name}
const HOSTING = 'playground.room.hosting';         // {code, key}: a room this browser hosts
const ENDED = 'playground.room.ended';             // {title, text, link}: the class just ended for this tab

function load(key) {
  try { return JSON.parse(localStorage.getItem(key) ?? 'null'); } catch { return null; }
}

export class Room {
  /** hooks: appendHistory(first, train, test), toast(text, kind), currentLink(), csvInUse() (the CSV's name or null) */
  constructor(hooks) {
    this.hooks = hooks;
    const params = new URLSearchParams(location.search);
    this.codeParam = params.get('room');
    this.watchId = params.get('watch');
    this.membership = load(MEMBERSHIP);
    this.hosting = load(HOSTING);
    this.locked = new Set();
    this.pendingChart = null;
    if (this.watchId && this.hosting && this.hosting.code === this.codeParam) this.mode = 'watch';
    // a saved run's short link (/r/{id}) opens that run on a socket of its own, even for a class
    // member (the class refuses loadRun): their class session waits, as after closing the tab
    else if (this.membership && !/^\/r\//.test(location.pathname)
        && (!this.codeParam || normalize(this.codeParam) === this.membership.code)) this.mode = 'student';
    else this.mode = 'none';
    this.bindPage(params);
  }

  /** The socket to use: the room socket when in a class or watching, else null (the playground's own). */
  socketUrl() {
    if (this.mode === 'none') return null;
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/room`;
  }

  /** On (re)connect: takes the student's place back, or starts the teacher's view. False: not in a room. */
  greet(socket) {
    if (this.mode === 'elsewhere') return true;   // connected, but the class is used in another tab
    if (this.mode === 'student') {
      socket.send({ type: 'resume', token: this.membership.token });
      return true;
    }
    if (this.mode === 'watch') {
      socket.send({ type: 'teach', code: this.hosting.code, key: this.hosting.key });
      socket.send({ type: 'watch', studentId: this.watchId });
      return true;
    }
    return false;
  }

  /** Handles the room's messages; false for the playground's own (main.js handles those). */
  receive(message) {
    switch (message.type) {
      case 'joined':
        this.showBanner(message);
        this.setLocked(message.locked);
        return true;
      case 'chart':
        this.pendingChart = message;
        return true;
      case 'session':
        // main.js resets the chart on 'session'; the curve so far is drawn right after it
        if (this.pendingChart) {
          const chart = this.pendingChart;
          this.pendingChart = null;
          queueMicrotask(() => this.hooks.appendHistory(...expandChart(chart)));
        }
        return false;
      case 'exercise':
        this.setLocked(message.locked);
        this.hooks.toast('Your teacher set a new exercise.', 'warning');
        return true;
      case 'notice':
        $('room-notice').textContent = message.text;
        this.hooks.toast(`From your teacher: ${message.text}`, 'warning');
        return true;
      case 'spotlight':
        if (message.you) this.hooks.toast('Your run is on the projector.', 'warning');
        return true;
      case 'resumed':
        // the server this run trained on stopped and another one took it over: from its checkpoint
        // the page says so and plays on as any page (main.js); without one it starts again
        if (message.from === 'checkpoint') return false;
        this.hooks.toast('Your run moved to another server and starts again from your last settings.', 'info');
        return true;
      case 'roomClosed':
        if (message.reason === 'elsewhere') { this.elsewhere(message.message); return true; }
        this.ended(message.message, message.reason);
        return true;
      case 'watching':
        $('watch-name').textContent = new URLSearchParams(location.search).get('anon') ? 'A student’s run' : message.name;
        return true;
      case 'teaching': case 'done': case 'roster':
        return true;
      case 'error':
        if (message.request === 'resume') { this.ended(message.message); return true; }
        if (this.mode === 'watch' && (message.request === 'teach' || message.request === 'watch')) {
          $('watch-name').textContent = message.message;
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  // ---- page

  bindPage(params) {
    document.body.classList.toggle('in-room', this.mode !== 'none');
    if (this.mode === 'watch') {
      document.body.classList.add('read-only');
      document.body.classList.toggle('spotlight', params.get('spotlight') === '1');
      $('watch-banner').hidden = false;
      $('watch-name').textContent = 'Opening the run…';
    }
    if (this.mode === 'none' && this.codeParam) this.openJoin(this.codeParam);
    if (this.mode === 'none') this.showEnded();
    $('class-ended-dismiss').addEventListener('click', () => { sessionStorage.removeItem(ENDED); $('class-ended').hidden = true; });
    $('join-class').addEventListener('click', () => this.openJoin(''));
    $('join-cancel').addEventListener('click', () => { $('room-join').hidden = true; });
    $('join-button').addEventListener('click', () => this.join());
    for (const id of ['student-name', 'room-code-input']) {
      $(id).addEventListener('keydown', event => { if (event.key === 'Enter') this.join(); });
    }
    $('leave-room').addEventListener('click', () => this.leave());
    $('host-class').addEventListener('click', () => this.host());
    if (this.hosting && this.mode === 'none') {
      const push = $('push-current');
      push.hidden = false;
      push.textContent = `Push this playground to class ${this.hosting.code}`;
      push.addEventListener('click', () => this.pushCurrent());
    }
    // a locked button's keyboard shortcut is off too (space: play, right arrow: step)
    document.addEventListener('keydown', event => {
      const locked = (event.key === ' ' && this.locked.has('play')) || (event.key === 'ArrowRight' && this.locked.has('step'));
      if (locked || (this.mode === 'watch' && (event.key === ' ' || event.key === 'ArrowRight'))) {
        event.stopImmediatePropagation();
        event.preventDefault();
      }
    }, true);
  }

  openJoin(code) {
    $('room-join').hidden = false;
    $('room-code-input').value = code;
    $('join-error').textContent = '';
    (code ? $('student-name') : $('room-code-input')).focus();
  }

  async join() {
    const code = normalize($('room-code-input').value);
    const name = $('student-name').value.trim();
    if (!code) { $('join-error').textContent = 'Type the class code your teacher shows.'; return; }
    if (!name) { $('join-error').textContent = 'Type your name.'; return; }
    $('join-button').disabled = true;
    try {
      const response = await fetch(`/api/rooms/${encodeURIComponent(code)}/students`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name }),
      });
      const body = await response.json();
      if (!response.ok) { $('join-error').textContent = body.error ?? 'Could not join.'; return; }
      localStorage.setItem(MEMBERSHIP, JSON.stringify({ code: body.code, token: body.token, studentId: body.studentId, name: body.name }));
      restart('/');   // the page starts again, in the class
    } catch (e) {
      $('join-error').textContent = 'The server cannot be reached; try again.';
    } finally {
      $('join-button').disabled = false;
    }
  }

  leave() {
    const link = this.hooks.currentLink();
    localStorage.removeItem(MEMBERSHIP);
    this.hooks.send({ type: 'leaveRoom' });
    setTimeout(() => restart('/#' + link), 150);
  }

  /** The student opened the class in another tab: this one stands by (a reload takes the place back). */
  elsewhere(text) {
    if (this.mode !== 'student') return;
    this.mode = 'elsewhere';
    $('room-notice').textContent = `${text}: reload this page to use it here.`;
  }

  /**
   * The class is over for this student (closed, removed, or their place expired): their own
   * playground comes back at once with every control (the exercise's hidden controls shown again),
   * and a panel that stays says who ended the class and links to the run's settings.
   */
  ended(text, reason) {
    if (this.mode === 'watch') { $('watch-name').textContent = text; return; }
    if (this.mode !== 'student') return;
    this.mode = 'none';
    const code = this.membership?.code ?? '';
    localStorage.removeItem(MEMBERSHIP);
    const link = withAllControls(this.hooks.currentLink());
    const title = reason === 'removed' ? 'You were removed from the class' : 'The class has ended';
    const who = reason === 'closed' ? `Your teacher closed class ${code}.`
      : reason === 'removed' ? `Your teacher removed you from class ${code}.` : `${capitalize(text)}.`;
    sessionStorage.setItem(ENDED, JSON.stringify({ title, text: `${who} The playground is yours again, with every control; `
      + 'this page\'s link keeps your run\'s settings.', link }));
    restart('/#' + link);
  }

  /** The panel of a class that just ended for this tab (kept until the student closes it). */
  showEnded() {
    let ended = null;
    try { ended = JSON.parse(sessionStorage.getItem(ENDED) ?? 'null'); } catch { ended = null; }
    if (!ended) return;
    $('class-ended-title').textContent = ended.title;
    $('class-ended-text').textContent = ended.text;
    $('class-ended-keep').href = `/#${ended.link}`;
    $('class-ended').hidden = false;
  }

  async host() {
    const response = await fetch('/api/rooms', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exercise: this.hooks.currentLink() }),
    });
    const body = await response.json();
    if (!response.ok) { this.hooks.toast(body.error ?? 'Could not create the class.'); return; }
    location.assign(body.teacherUrl);
  }

  async pushCurrent() {
    // an exercise is a link: it cannot carry an uploaded CSV, and pushing the link alone would give
    // every student a built-in data set while this page says "pushed"
    const csv = this.hooks.csvInUse?.();
    if (csv) {
      this.hooks.toast(`Not pushed: a class exercise is a link and cannot carry your CSV (${csv}) yet. Pick a built-in data set to push, or share the CSV with "Save run".`);
      return;
    }
    const response = await fetch(`/api/rooms/${this.hosting.code}/actions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Teacher-Key': this.hosting.key },
      body: JSON.stringify({ type: 'pushExercise', link: this.hooks.currentLink() }),
    });
    const body = await response.json();
    // whom it reached, as the server counts them (students on another server or not connected included)
    if (response.ok) this.hooks.toast(`Pushed to class ${this.hosting.code}: ${body.reach?.text ?? 'done'}.`, 'warning');
    else this.hooks.toast(body.error ?? 'Could not push.');
  }

  showBanner(joined) {
    $('room-banner').hidden = false;
    $('room-banner-code').textContent = joined.code;
    $('room-banner-name').textContent = `· ${joined.name}`;
  }

  setLocked(locked) {
    this.locked = new Set(locked ?? []);
    // what a lock turns off is hidden, not left to answer an error (room.css: body.lock-<request>)
    for (const request of ['loadCsv', 'networkShape', 'drawPoint']) {
      document.body.classList.toggle(`lock-${request}`, this.locked.has(request));
    }
    // a sweep trains too: the exercise that turns play off turns the sweep off (the server refuses it as well)
    const sweep = document.getElementById('sweep-run');
    if (sweep) {
      sweep.disabled = this.locked.has('sweep');
      sweep.title = sweep.disabled ? 'turned off by the teacher\'s exercise' : '';
    }
  }
}

/** Loads the page again at {@code url} (a hash-only change would not reload it). */
function restart(url) {
  history.replaceState(null, '', url);
  location.reload();
}

/** A link with the exercise's hidden controls shown again (its `*_hide` keys dropped). */
function withAllControls(link) {
  return (link ?? '').split('&').filter(part => part && !/_hide=/.test(part)).join('&');
}

function capitalize(text) { return text ? text[0].toUpperCase() + text.slice(1) : text; }

/** A typed code as the server reads it: upper case, no spaces or dashes. */
function normalize(code) { return (code ?? '').replace(/[\s-]/g, '').toUpperCase(); }

/** The sampled curve as one value per epoch (linear between samples), for LineChart.append. */
export function expandChart(chart) {
  const { epochs, train, test } = chart;
  if (epochs.length === 0) return [0, new Float32Array(0), new Float32Array(0)];
  const first = epochs[0], last = epochs[epochs.length - 1];
  const n = last - first + 1;
  const a = new Float32Array(n), b = new Float32Array(n);
  for (let k = 0; k < epochs.length; k++) {
    const e0 = epochs[k], e1 = k + 1 < epochs.length ? epochs[k + 1] : e0;
    for (let e = e0; e <= e1; e++) {
      const t = e1 === e0 ? 0 : (e - e0) / (e1 - e0);
      a[e - first] = train[k] + ((k + 1 < epochs.length ? train[k + 1] : train[k]) - train[k]) * t;
      b[e - first] = test[k] + ((k + 1 < epochs.length ? test[k + 1] : test[k]) - test[k]) * t;
    }
  }
  return [first, a, b];
}
