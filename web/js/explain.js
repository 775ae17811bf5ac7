// The course's words, so a learner can read what a control does where it is: every control gets its one- or two-sentence tooltip from the
// LinkKey table's help. The training-extras controls are ordinary keyed controls (controls.js) and
// hideText hides the course text with the page's other explanations (the body's hide-text class).

import { LINK_KEYS } from './state.js';

/** Each control whose container carries data-key gets the help text of that key as its tooltip. */
export function installExplanations() {
  for (const element of document.querySelectorAll('[data-key]')) {
    const text = LINK_KEYS.get(element.dataset.key)?.help;
    if (text && !element.title) element.title = text;
  }
}
