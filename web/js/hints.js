// Hints that follow the run: a loss that plateaus far above where it started at a high learning
// rate (TF's tanh at rate 10 stalls near 1.06) is told what to try.

const $ = id => document.getElementById(id);
const WINDOW = 100;           // epochs the loss must stay flat
const HIGH_RATE = 1;

export class PlateauHint {
  constructor() { this.reset(); }

  reset() {
    this.start = NaN;
    this.recent = [];
    this.show(null);
  }

  /** Takes each frame's epoch and training loss with the learning rate now in use. */
  observe(frame, learningRate) {
    if (frame.epoch === 0 || !Number.isFinite(this.start)) this.start = frame.lossTrain;
    this.recent.push(frame.lossTrain);
    if (this.recent.length > WINDOW) this.recent.shift();
    const flat = this.recent.length === WINDOW && frame.epoch >= WINDOW
      && Math.max(...this.recent) - Math.min(...this.recent) < 0.02 * frame.lossTrain;
    const stuckHigh = frame.lossTrain > 1.3 * this.start;
    this.show(flat && stuckHigh && learningRate >= HIGH_RATE
      ? `The loss has stopped far above where it started (${this.start.toFixed(3)}): a learning rate of ${learningRate} `
        + 'is probably too high. Try 0.3 or lower, then reset.'
      : null);
  }

  show(text) {
    const hint = $('plateau-hint');
    if (!hint) return;
    hint.hidden = !text;
    if (text && hint.textContent !== text) hint.textContent = text;
  }
}
