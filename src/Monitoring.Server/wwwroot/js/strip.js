import { BaselineTracker, PX_PER_MV, PX_PER_SECOND, drawGrid, fitCanvas } from "./ecg-scale.js";

const STRIP_HEIGHT_MV = 4;
// Pacemaker pulses: a blue tick above the trace, as monitors mark a detected pacer spike.
const PACE_MARK_COLOUR = "#0050e6";
const PACE_MARK_HEIGHT_PX = 14;

/**
 * Draws stored full-disclosure segments (the waveform API's JSON) on a grid at 25 mm/s and 10 mm/mV, the first
 * lead of each segment, with gaps left blank, a blue tick over each pacemaker pulse the device reported and a red
 * marker at the alarm's onset. Returns the canvas width, where the onset is and how many pulses were marked.
 */
export function drawStrip(canvas, fromUnixMs, toUnixMs, segments, onsetUnixMs) {
  canvas.style.width = `${Math.ceil((toUnixMs - fromUnixMs) / 1000 * PX_PER_SECOND)}px`;
  canvas.style.height = `${Math.ceil(STRIP_HEIGHT_MV * PX_PER_MV)}px`;
  const { context, width, height } = fitCanvas(canvas);
  context.clearRect(0, 0, width, height);
  drawGrid(context, width, height);
  const xOf = unixMs => (unixMs - fromUnixMs) / 1000 * PX_PER_SECOND;

  context.strokeStyle = "#111";
  context.lineWidth = 1.2;
  const baseline = new BaselineTracker();
  for (const segment of segments) {
    const leads = segment.leads.length || 1, rate = segment.samplingRateHz, gain = segment.gainUnitsPerMv || 200;
    context.beginPath();
    for (let i = 0, n = 0; i < segment.samples.length; i += leads, n++) {
      const x = xOf(segment.startUnixMs + n * 1000 / rate);
      const y = height / 2 - baseline.remove(segment.samples[i] / gain, rate) * PX_PER_MV;
      if (n === 0) context.moveTo(x, y); else context.lineTo(x, y);
    }
    context.stroke();
  }

  let paceMarks = 0;
  context.strokeStyle = PACE_MARK_COLOUR;
  context.lineWidth = 2;
  context.beginPath();
  for (const segment of segments) {
    for (const pulse of segment.pacePulses || []) {
      const x = xOf(segment.startUnixMs + pulse * 1000 / segment.samplingRateHz);
      context.moveTo(x, 0);
      context.lineTo(x, PACE_MARK_HEIGHT_PX);
      paceMarks++;
    }
  }
  context.stroke();

  context.strokeStyle = "#d00";
  context.lineWidth = 2;
  context.beginPath();
  context.moveTo(xOf(onsetUnixMs), 0);
  context.lineTo(xOf(onsetUnixMs), height);
  context.stroke();
  return { width, scrollTo: xOf(onsetUnixMs), paceMarks };
}
