// The controls: each input sends its link key; each link from the server sets them back.

import { HIDE_SUFFIX, LINK_KEYS } from './state.js';

const $ = id => document.getElementById(id);

/** Every select/range/checkbox that edits one link key (the element carries data-key). */
function keyedInputs() {
  return document.querySelectorAll('#top-controls [data-key], #data-column [data-key], #output-column [data-key], #course-settings [data-key]');
}

/** Keyboard shortcuts stay off while any form control or editable text has the focus. */
function isControl(target) {
  return target instanceof HTMLElement && (target.isContentEditable
    || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A'].includes(target.tagName));
}

/**
 * Wires the inputs. actions: set(key, value), play(), pause(), step(), reset(), regenerate(),
 * setShape(widths), loadCsv(file), isPlaying(), isHidden(control).
 */
export function bindControls(state, actions) {
  for (const input of keyedInputs()) {
    if (!(input instanceof HTMLSelectElement || input instanceof HTMLInputElement)) continue;
    const key = input.dataset.key;
    if (input.type === 'range') {
      input.addEventListener('input', () => showRangeValue(input));
      input.addEventListener('change', () => actions.set(key, input.value));
    } else if (input.type === 'checkbox') {
      input.addEventListener('change', () => actions.set(key, String(input.checked)));
    } else {
      input.addEventListener('change', () => actions.set(key, input.value));
    }
  }
  const click = (id, action) => $(id).addEventListener('click', event => { event.currentTarget.blur(); action(); });
  click('play-pause-button', () => (actions.isPlaying() ? actions.pause() : actions.play()));
  click('next-step-button', () => actions.step());
  click('reset-button', () => actions.reset());
  click('data-regen-button', () => actions.regenerate());
  click('add-layers', () => {
    const shape = state.networkShape();
    const most = LINK_KEYS.get('networkShape')?.allowed?.maxLayers ?? 0;     // the server's limit, from the table
    if (shape.length < most) actions.setShape([...shape, 2]);
  });
  click('remove-layers', () => {
    const shape = state.networkShape();
    if (shape.length > 0) actions.setShape(shape.slice(0, -1));
  });
  $('csv-file').addEventListener('change', event => {
    const file = event.target.files[0];
    if (file) actions.loadCsv(file);
    event.target.value = '';
  });
  document.addEventListener('keydown', event => {
    if (isControl(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    // a control the link hides (playButton_hide, stepButton_hide) takes its shortcut with it
    if (event.key === ' ' && !state.isHidden('playButton')) {
      event.preventDefault();
      actions.isPlaying() ? actions.pause() : actions.play();
    }
    if (event.key === 'ArrowRight' && !state.isHidden('stepButton')) { event.preventDefault(); actions.step(); }
  });
}

function showRangeValue(input) {
  const label = document.querySelector(`[data-value-of="${input.id}"]`);
  if (label) label.textContent = input.value;
}

/** Sets every control from the link (or what the run uses), adding an option the list lacks. */
export function applyLink(state) {
  for (const input of keyedInputs()) {
    const value = state.get(input.dataset.key);
    if (value === null) continue;
    if (input instanceof HTMLSelectElement) {
      if (![...input.options].some(o => o.value === value)) input.add(new Option(value, value));
      input.value = value;
    } else if (input.type === 'checkbox') {
      input.checked = value === 'true';
    } else if (input.type === 'range') {
      if (Number(value) > Number(input.max)) input.max = value;     // a link may go past the slider's top
      input.value = value;
      showRangeValue(input);
    }
  }
  const layers = state.networkShape().length;
  $('num-layers').textContent = layers;
  $('layers-label').textContent = layers === 1 ? ' hidden layer' : ' hidden layers';
  applyHidden(state);
}

/** Hides each control whose key the link marks {@code <key>_hide=true}; hideText hides the explanations. */
export function applyHidden(state) {
  for (const container of document.querySelectorAll('[class*="ui-"][data-key], .node.feature')) {
    const key = container.dataset.key ?? container.dataset.feature;
    container.classList.toggle('hidden-by-link', state.isHidden(key));
  }
  document.body.classList.toggle('hide-text', state.bool('hideText'));
  for (const box of document.querySelectorAll('#hide-controls .hide-control')) {
    const name = box.dataset.control;
    box.checked = box.dataset.setting ? state.bool(name) : state.isHidden(name);
  }
  const link = $('classroom-link');
  if (link) { link.href = location.href; link.textContent = location.href; }
}

/**
 * TF's classroom section: each checkbox rewrites the link with <control>_hide=true (hideText=true
 * for the explanatory text); the page then follows the new link like any other.
 */
export function bindClassroom(set) {
  for (const box of document.querySelectorAll('#hide-controls .hide-control')) {
    box.addEventListener('change', () => {
      const name = box.dataset.control;
      set(box.dataset.setting ? name : name + HIDE_SUFFIX, String(box.checked));
    });
  }
}

/** The play button shows pause while training runs. */
export function showPlaying(playing) {
  const button = $('play-pause-button');
  button.classList.toggle('playing', playing);
  document.body.classList.toggle('training', playing);   // phones keep the output map in view (CSS)
  button.title = playing ? 'Pause (space)' : 'Run (space)';
}
