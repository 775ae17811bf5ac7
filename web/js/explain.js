// The course's settings and words (issue 12): the training-extras controls follow the link, every
// control gets its one- or two-sentence tooltip (the LinkKey table's help), and hideText hides the text.

import { tap } from './tap.js';
import { LINK_KEYS } from './state.js';

const $ = id => document.getElementById(id);
const EXTRAS = ['standardize', 'lrSchedule', 'lrDecay', 'lrPeriod', 'earlyStop'];

/** Binds the extras to `set` messages and applies tooltips and hideText from each link. */
export function installExplanations(socket) {
  applyTooltips();
  for (const key of EXTRAS) {
    const input = $(key);
    input?.addEventListener('change', () => {
      const value = input.type === 'checkbox' ? String(input.checked) : input.value;
      socket.send({ type: 'set', key, value });
    });
  }
  const follow = hash => {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    for (const key of EXTRAS) {
      const input = $(key);
      if (!input || document.activeElement === input) continue;
      const value = params.get(key);
      if (input.type === 'checkbox') { input.checked = value === 'true'; continue; }
      // absent: what the table says the key shows; a value the menu lacks gets its own option
      const shown = value ?? [...input.options].find(o => o.defaultSelected)?.value ?? input.options[0]?.value;
      if (shown != null && ![...input.options].some(o => o.value === shown)) input.add(new Option(shown, shown));
      input.value = shown;
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
  for (const element of document.querySelectorAll('[data-key]')) {
    const text = LINK_KEYS.get(element.dataset.key)?.help;
    if (text && !element.title) element.title = text;
  }
}
