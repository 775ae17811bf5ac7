// The book's perceptrons, for a learner to set a network's weights by hand: 2-2-1 step networks on the alien planet and on XOR whose
// weights the student sets by hand, each hidden perceptron's line drawn on the data, and a count
// of the points still on the wrong side.

import { tap } from './tap.js';

const $ = id => document.getElementById(id);
const EXTENT = 6;
const COMMON = 'activation=step&output=step&networkShape=2&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false'
  + '&cosX=false&sinX=false&cosY=false&sinY=false&problem=classification&noise=0&percTrainData=50&showTestData=true'
  + '&discretize=true&regularization=none&regularizationRate=0&batchSize=1&learningRate=0.03&seed=0.5';
export const LESSONS = {
  alien: `dataset=alien-nn&${COMMON}`,
  'xor-table': `dataset=xor-table&${COMMON}`,
};
/**
 * The solutions, as [hidden 1: w_a, w_b, bias], [hidden 2: ...], [output: w_1, w_2, bias].
 * alien: the book's two lines 6a + 10b - 15 and 10a + 6b - 15 joined by AND; XOR: OR and NAND joined by AND.
 */
export const SOLUTIONS = {
  alien: [[6, 10, -15], [10, 6, -15], [1, 1, -1.5]],
  'xor-table': [[1, 1, -0.5], [-1, -1, 1.5], [1, 1, -1.5]],
};
const LINE_COLOURS = ['#9467bd', '#2ca02c'];

/** Wires the lesson panel: presets, hand-set weights, the perceptrons' lines and the miscount. */
export function installLesson(socket) {
  const panel = $('lesson');
  if (!panel) return;
  let session = null;
  let weights = null;
  let dataset = null;
  const inputs = buildInputs();

  for (const [id, name] of [['lesson-alien', 'alien'], ['lesson-xor', 'xor-table']]) {
    $(id).addEventListener('click', () => {
      const insights = $('insights');
      if (insights && !insights.open) insights.open = true; // the miscount comes with the insights
      location.hash = LESSONS[name];
    });
  }
  $('lesson-solution').addEventListener('click', () => {
    if (!active()) return;
    const solution = SOLUTIONS[dataset === 'alien-nn' ? 'alien' : dataset] ?? SOLUTIONS.alien;
    solution.forEach((row, node) => row.forEach((value, k) => send(node, k, value)));
  });

  function active() {
    return session && session.hiddenActivation === 'step' && session.layers.join(',') === '2,2,1';
  }

  /** node 0, 1: hidden perceptrons (k 0, 1: input weights, 2: bias); node 2: the output. */
  function send(node, k, value) {
    const layer = node < 2 ? 1 : 2, to = node < 2 ? node : 0;
    socket.send(k < 2 ? { type: 'setWeight', layer, to, from: k, value } : { type: 'setBias', layer, node: to, value });
  }

  function buildInputs() {
    const box = $('lesson-weights');
    const names = [['perceptron 1', ['w₁', 'w₂', 'bias']], ['perceptron 2', ['w₁', 'w₂', 'bias']], ['AND (output)', ['from 1', 'from 2', 'bias']]];
    const all = [];
    names.forEach(([title, labels], node) => {
      const group = document.createElement('span');
      group.append(Object.assign(document.createElement('b'), { textContent: `${title}: ` }));
      group.style.color = LINE_COLOURS[node] ?? '#333';
      all.push(labels.map((label, k) => {
        const input = Object.assign(document.createElement('input'), { type: 'number', step: '0.5', id: `lesson-w-${node}-${k}` });
        input.addEventListener('change', () => { if (input.value !== '') send(node, k, Number(input.value)); });
        const wrap = document.createElement('label');
        wrap.append(`${label} `, input, ' ');
        group.append(wrap);
        return input;
      }));
      box.append(group);
    });
    return all;
  }

  /** Frame weights: layer 1 (to, from) row-major, layer 2, then biases of layer 1 and 2 (protocol.md). */
  function showWeights(w) {
    const rows = [[w[0], w[1], w[6]], [w[2], w[3], w[7]], [w[4], w[5], w[8]]];
    rows.forEach((row, node) => row.forEach((v, k) => {
      const input = inputs[node][k];
      if (document.activeElement !== input) input.value = Number(v.toFixed(3));
    }));
    drawLines(rows);
  }

  function canvas() {
    let c = $('lesson-canvas');
    if (!c) {
      c = document.createElement('canvas');
      c.id = 'lesson-canvas';
      $('heatmap').appendChild(c);
    }
    return c;
  }

  /** Each hidden perceptron's line w1 x + w2 y + b = 0 across the map. */
  function drawLines(rows) {
    const c = canvas();
    const ratio = window.devicePixelRatio || 1;
    const size = Math.round(c.clientWidth * ratio) || 300;
    if (c.width !== size) { c.width = size; c.height = size; }
    const g = c.getContext('2d');
    g.clearRect(0, 0, size, size);
    if (!active()) return;
    // the map shows the session's plane (protocol.md: grid min/max across, yMin/yMax up)
    const g0 = session.grid ?? {};
    const xMin = g0.min ?? -EXTENT, xMax = g0.max ?? EXTENT, yMin = g0.yMin ?? xMin, yMax = g0.yMax ?? xMax;
    const px = x => (x - xMin) / (xMax - xMin) * size, py = y => (yMax - y) / (yMax - yMin) * size;
    g.lineWidth = 2 * ratio;
    rows.slice(0, 2).forEach(([a, b, bias], node) => {
      g.strokeStyle = LINE_COLOURS[node];
      g.beginPath();
      if (Math.abs(b) > 1e-9) {
        g.moveTo(px(xMin), py((-bias - a * xMin) / b));
        g.lineTo(px(xMax), py((-bias - a * xMax) / b));
      } else if (Math.abs(a) > 1e-9) {
        g.moveTo(px(-bias / a), py(yMin));
        g.lineTo(px(-bias / a), py(yMax));
      }
      g.stroke();
    });
  }

  tap(socket, {
    onMessage: message => {
      if (message.type === 'session') {
        session = message;
        dataset = new URLSearchParams(message.link).get('dataset');
        $('lesson-weights').hidden = !active();
        $('lesson-solution').disabled = !active();
        $('misclassified').textContent = '–';
        if (!active()) canvas().getContext('2d').clearRect(0, 0, canvas().width, canvas().height);
      }
      if (message.type === 'insights' && active() && message.confusionTrain) {
        let wrong = 0;
        for (const counts of [message.confusionTrain, message.confusionTest]) {
          counts?.forEach((row, a) => row.forEach((n, p) => { if (a !== p) wrong += n; }));
        }
        const counter = $('misclassified');
        counter.textContent = wrong;
        counter.dataset.count = wrong;
        counter.classList.toggle('zero', wrong === 0);
      }
    },
    onFrame: frame => {
      if (active() && frame.weights.length === 9) { weights = frame.weights; showWeights(weights); }
    },
  });
}
