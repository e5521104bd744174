import { BaselineTracker, PX_PER_MV, PX_PER_SECOND, fitCanvas, needsFit } from "./ecg-scale.js";

const ERASE_BAR_PX = 14;
const BUFFER_SECONDS = 12;
// Frames arrive in bursts (250-ms batches, and faster while a device catches up after a gap): the sweep plays them
// out at paper speed from a short buffer. More than MAX_LAG_SECONDS behind (a tile just opened, a burst after a
// gap), it redraws the screen at once with the latest samples and plays on from RESUME_LAG_SECONDS behind.
const MAX_LAG_SECONDS = 2;
const RESUME_LAG_SECONDS = 0.5;
// Pacemaker pulses the device reported: a blue tick at the top of the trace where the pen draws that sample (a lighter
// blue than the review strip's, for the dark tile).
const PACE_MARK_COLOUR = "#2f7bff";
const PACE_MARK_HEIGHT_PX = 10;

/**
 * A live ECG trace drawn as a monitor does: a pen moving left to right at 25 mm/s, an erase bar ahead of it,
 * wrapping to the left edge, and a tick over each pacemaker pulse. Lead: the first of each frame. The canvas is
 * transparent: the grid lies beneath it.
 */
export class WaveformSweep {
  constructor(canvas) {
    this.canvas = canvas;
    this.samples = new Float32Array(1000 * BUFFER_SECONDS);
    this.paced = new Uint8Array(this.samples.length); // 1 where the device reported a pacemaker pulse
    this.written = 0;     // samples ever pushed
    this.read = 0;        // samples ever drawn
    this.rate = 0;
    this.due = 0;         // fractional samples owed to the pen since the last tick
    this.x = 0;
    this.lastY = null;
    this.lastFrameAt = 0; // performance.now() of the last frame, for the signal-quality state
    this.baseline = new BaselineTracker();
    this.resize();
  }

  /** Fits the canvas to its box, when that changed (which clears it). */
  resize() {
    if (this.context && !needsFit(this.canvas)) return;
    const { context, width, height } = fitCanvas(this.canvas);
    Object.assign(this, { context, width, height });
    this.x = 0;
    this.lastY = null;
  }

  /** Appends a WaveformFrame (int16 interleaved by lead) to the buffer. */
  push(frame) {
    const leads = frame.leads.length || 1, gain = frame.gainUnitsPerMv || 200;
    if (frame.samplingRateHz !== this.rate) {
      this.rate = frame.samplingRateHz;
      this.read = this.written;
    }
    const capacity = this.samples.length, first = this.written;
    for (let i = 0; i < frame.samples.length; i += leads) {
      this.samples[this.written % capacity] = this.baseline.remove(frame.samples[i] / gain, this.rate);
      this.paced[this.written % capacity] = 0;
      this.written++;
    }
    for (const pulse of frame.pacePulses || []) this.paced[(first + pulse) % capacity] = 1;
    this.lastFrameAt = performance.now();
  }

  /** Advances the pen by `elapsedMs` of paper time and draws what it passed over. */
  tick(elapsedMs) {
    if (this.rate === 0 || this.width === 0) return;
    const backlog = this.written - this.read;
    if (backlog > this.rate * MAX_LAG_SECONDS || backlog > this.samples.length) {
      this.redrawLatest();
      return;
    }
    this.due += elapsedMs * this.rate / 1000;
    const count = Math.min(Math.floor(this.due), backlog);
    this.due = count < backlog ? this.due - count : 0; // a starved pen waits instead of racing later
    if (count > 0) this.draw(count);
  }

  /** Clears the screen and draws the latest screenful of samples but the last half second. */
  redrawLatest() {
    const screenful = Math.floor(this.width / PX_PER_SECOND * this.rate);
    this.read = this.written - Math.min(screenful, this.samples.length, this.written);
    this.context.clearRect(0, 0, this.width, this.height);
    this.x = 0;
    this.lastY = null;
    this.due = 0;
    this.draw(Math.max(0, this.written - this.read - Math.round(this.rate * RESUME_LAG_SECONDS)));
  }

  draw(count) {
    const context = this.context, step = PX_PER_SECOND / this.rate, middle = this.height / 2;
    context.strokeStyle = getComputedStyle(this.canvas).color;
    context.lineWidth = 1.4;
    context.clearRect(this.x, 0, Math.min(ERASE_BAR_PX, this.width - this.x) + step * count, this.height);
    context.beginPath();
    if (this.lastY !== null) context.moveTo(this.x, this.lastY);
    const paceMarks = [];
    for (let i = 0; i < count; i++) {
      const y = middle - this.samples[this.read % this.samples.length] * PX_PER_MV;
      if (this.paced[this.read % this.samples.length]) paceMarks.push(this.x);
      this.read++;
      if (this.lastY === null) context.moveTo(this.x, y); else context.lineTo(this.x, y);
      this.lastY = y;
      this.x += step;
      if (this.x >= this.width) {
        context.stroke();
        this.x = 0;
        context.clearRect(0, 0, (count - i - 1) * step + ERASE_BAR_PX, this.height);
        context.beginPath();
        context.moveTo(0, y);
      }
    }
    context.stroke();
    if (paceMarks.length) {
      context.strokeStyle = PACE_MARK_COLOUR;
      context.lineWidth = 2;
      context.beginPath();
      for (const x of paceMarks) {
        context.moveTo(x, 0);
        context.lineTo(x, PACE_MARK_HEIGHT_PX);
      }
      context.stroke();
    }
    context.clearRect(this.x + 1, 0, ERASE_BAR_PX, this.height);
  }

  /** True when frames have stopped arriving for longer than `ms`. */
  silentFor(ms) {
    return this.lastFrameAt === 0 || performance.now() - this.lastFrameAt > ms;
  }
}
