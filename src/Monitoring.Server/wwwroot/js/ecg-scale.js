// Paper-speed geometry shared by the live sweep and the alarm-review strip.
// Clinical standard: 25 mm/s and 10 mm/mV. Screens do not report their physical size, so a millimetre is taken as
// CSS pixels at the CSS reference of 96 px per inch: 96 / 25.4 = 3.78 px/mm (exact on a 96-dpi screen at 100 % zoom,
// proportionally larger or smaller elsewhere, as on every browser-based central station).
export const PX_PER_MM = 96 / 25.4;
export const SWEEP_MM_PER_S = 25;
export const GAIN_MM_PER_MV = 10;
export const PX_PER_SECOND = PX_PER_MM * SWEEP_MM_PER_S;
export const PX_PER_MV = PX_PER_MM * GAIN_MM_PER_MV;

/** True when a canvas's backing store no longer matches its CSS size (refitting clears it). */
export function needsFit(canvas) {
  const ratio = window.devicePixelRatio || 1;
  return canvas.width !== Math.round(canvas.clientWidth * ratio) || canvas.height !== Math.round(canvas.clientHeight * ratio);
}

/** Sizes a canvas's backing store to its CSS size and device pixel ratio; returns the context in CSS pixels. */
export function fitCanvas(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { context, width, height };
}

/** ECG paper grid: 1 mm minor and 5 mm major lines. */
export function drawGrid(context, width, height) {
  context.save();
  for (let mm = 0, x = 0; x <= width; mm++, x = mm * PX_PER_MM) line(context, x, 0, x, height, mm % 5 === 0);
  for (let mm = 0, y = 0; y <= height; mm++, y = mm * PX_PER_MM) line(context, 0, y, width, y, mm % 5 === 0);
  context.restore();
}

function line(context, x1, y1, x2, y2, major) {
  context.strokeStyle = major ? "rgba(0, 160, 80, 0.45)" : "rgba(0, 160, 80, 0.15)";
  context.lineWidth = major ? 1 : 0.5;
  context.beginPath();
  context.moveTo(x1, y1);
  context.lineTo(x2, y2);
  context.stroke();
}

/**
 * Removes baseline wander for display, like a monitor's 0.5 Hz monitoring filter: a running mean with a time
 * constant of about a second, subtracted from each sample (in mV).
 */
export class BaselineTracker {
  constructor() { this.baseline = null; }

  /** Returns the sample less the baseline; `rate` is the sampling rate in Hz. */
  remove(mv, rate) {
    if (this.baseline === null) this.baseline = mv;
    this.baseline += (mv - this.baseline) / rate;
    return mv - this.baseline;
  }
}
