// The controls: each input sends its link key; each link from the server sets them back.

const $ = id => document.getElementById(id);

/** Every select/range/checkbox that edits one link key (the element carries data-key). */
function keyedInputs() { return document.querySelectorAll('#top-controls [data-key], #data-column [data-key], #output-column [data-key]'); }

function isEditable(target) {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT'
    || (target.tagName === 'INPUT' && !['checkbox', 'range', 'button', 'file'].includes(target.type)));
}

/**
 * Wires the inputs. actions: set(key, value), play(), pause(), step(), reset(), regenerate(),
 * setShape(widths), speed(n), loadCsv(file), isPlaying().
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
    if (shape.length < 10) actions.setShape([...shape, 2]);
  });
  click('remove-layers', () => {
    const shape = state.networkShape();
    if (shape.length > 0) actions.setShape(shape.slice(0, -1));
  });
  $('speed').addEventListener('change', event => actions.speed(Number(event.target.value)));
  $('csv-file').addEventListener('change', event => {
    const file = event.target.files[0];
    if (file) actions.loadCsv(file);
    event.target.value = '';
  });
  document.addEventListener('keydown', event => {
    if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === ' ') { event.preventDefault(); actions.isPlaying() ? actions.pause() : actions.play(); }
    if (event.key === 'ArrowRight') { event.preventDefault(); actions.step(); }
  });
}

function showRangeValue(input) {
  const label = document.querySelector(`[data-value-of="${input.id}"]`);
  if (label) label.textContent = input.value;
}

/** Sets every control from the link, adding an option when the link holds a value the list lacks. */
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
      input.value = value;
      showRangeValue(input);
    }
  }
  const layers = state.networkShape().length;
  $('num-layers').textContent = layers;
  $('layers-label').textContent = layers === 1 ? ' hidden layer' : ' hidden layers';
  applyHidden(state);
}

/** Hides each control whose key the link marks {@code <key>_hide=true}. */
export function applyHidden(state) {
  for (const container of document.querySelectorAll('[class*="ui-"][data-key], .node.feature')) {
    const key = container.dataset.key ?? container.dataset.feature;
    container.classList.toggle('hidden-by-link', state.isHidden(key));
  }
}

/** The play button shows pause while training runs. */
export function showPlaying(playing) {
  const button = $('play-pause-button');
  button.classList.toggle('playing', playing);
  button.title = playing ? 'Pause (space)' : 'Run (space)';
}
