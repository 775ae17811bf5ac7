// The course's settings and words (issue 12): the training-extras controls follow the link, every
// control gets its one- or two-sentence tooltip (view/SettingHelp.java), and hideText hides the text.

import { tap } from './tap.js';

const $ = id => document.getElementById(id);
const EXTRAS = ['standardize', 'lrSchedule', 'lrDecay', 'lrPeriod', 'earlyStop'];

/** Binds the extras to `set` messages and applies tooltips and hideText from each link. */
export function installExplanations(socket) {
  applyTooltips();
  for (const key of EXTRAS) {
    const input = $(key);
    input?.addEventListener('change', () => {
      const value = input.type === 'checkbox' ? String(input.checked) : input.value;
      if (value === '' && input.type === 'number') return;
      socket.send({ type: 'set', key, value });
    });
  }
  const follow = hash => {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    for (const key of EXTRAS) {
      const input = $(key);
      if (!input || document.activeElement === input) continue;
      const value = params.get(key);
      if (input.type === 'checkbox') input.checked = value === 'true';
      else if (input.tagName === 'SELECT') input.value = value ?? 'none';
      else input.value = value ?? '';
    }
    const text = $('course-text');
    if (text) text.hidden = params.get('hideText') === 'true';
  };
  tap(socket, {
    onMessage: message => {
      if (message.type === 'session') follow(message.link);
      if (message.type === 'link') follow(message.hash);
    },
  });
}

/** Each control whose container carries data-key gets the help text of that key as its tooltip. */
function applyTooltips() {
  const source = $('setting-help');
  if (!source) return;
  const help = JSON.parse(source.textContent);
  for (const element of document.querySelectorAll('[data-key]')) {
    const text = help[element.dataset.key];
    if (text && !element.title) element.title = text;
  }
}
