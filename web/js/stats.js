// Frame statistics measured in the page (performance.now): draw time and frames shown per second.

export class FrameStats {
  constructor() {
    this.animationFrames = 0;
    const count = () => { this.animationFrames++; requestAnimationFrame(count); };
    requestAnimationFrame(count);        // how often the browser can show anything at all
    this.reset();
  }

  /** Starts a new measurement window. */
  reset() {
    this.framesReceived = 0;
    this.framesDrawn = 0;
    this.historyBreaks = 0;
    this.breaks = [];
    this.parts = {};
    this.drawTimes = [];
    this.drawStamps = [];
    this.since = performance.now();
    this.animationFramesAtReset = this.animationFrames;
  }

  /** Counts a frame and checks that its loss history continues the chart (expected: the chart's length). */
  received(frame, expected) {
    this.framesReceived++;
    const first = frame.firstHistoryEpoch, count = frame.historyTrain.length;
    if (first !== expected && first !== 0 && count > 0) {
      this.historyBreaks++;
      if (this.breaks.length < 20) this.breaks.push({ expected, first, count, epoch: frame.epoch });
    }
  }

  drawn(ms, parts = {}, frame = null) {
    this.framesDrawn++;
    this.lastFrame = frame;             // the decoded frame on screen, for tests and the console
    for (const [name, t] of Object.entries(parts)) this.parts[name] = (this.parts[name] ?? 0) + t;
    this.drawTimes.push(ms);
    this.drawStamps.push(performance.now());
    if (this.drawTimes.length > 5000) { this.drawTimes.shift(); this.drawStamps.shift(); }
  }

  /** Figures since reset(): frames/s drawn and received, draw time mean, p95 and max in ms. */
  summary() {
    const seconds = (performance.now() - this.since) / 1000;
    const sorted = [...this.drawTimes].sort((a, b) => a - b);
    const at = q => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
    return {
      seconds,
      framesDrawn: this.framesDrawn,
      framesReceived: this.framesReceived,
      drawnPerSecond: this.framesDrawn / seconds,
      receivedPerSecond: this.framesReceived / seconds,
      animationFramesPerSecond: (this.animationFrames - this.animationFramesAtReset) / seconds,
      drawMeanMs: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
      drawMedianMs: at(0.5),
      drawP95Ms: at(0.95),
      historyBreaks: this.historyBreaks,
      partsMeanMs: Object.fromEntries(Object.entries(this.parts).map(([k, t]) => [k, t / (this.framesDrawn || 1)])),
      breaks: this.breaks,
      drawMaxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    };
  }
}
