import { clockTime } from "./dom.js";
import { drawStrip } from "./strip.js";

// Without a stored strip range, the review shows this much before and after the onset.
const AROUND_ONSET_MS = 10000;

/** Alarm review: the stored full-disclosure waveform around an alarm, in a dialog. */
export class AlarmReview {
  constructor(session, dialog, { onRequestConsult }) {
    Object.assign(this, { session, dialog, onRequestConsult });
    this.canvas = dialog.querySelector("canvas");
    this.title = dialog.querySelector(".review-title");
    this.message = dialog.querySelector(".review-message");
    dialog.querySelector(".close").addEventListener("click", () => dialog.close());
    dialog.querySelector(".request-consult").addEventListener("click", () => {
      dialog.close();
      this.onRequestConsult(this.alarm.patientId, this.from, this.to, `${this.alarm.label} at ${clockTime(this.alarm.onsetUnixMs)}`);
    });
  }

  async open(alarm) {
    this.alarm = alarm;
    this.from = alarm.stripFromUnixMs || alarm.onsetUnixMs - AROUND_ONSET_MS;
    this.to = alarm.stripToUnixMs > this.from ? alarm.stripToUnixMs : alarm.onsetUnixMs + AROUND_ONSET_MS;
    this.title.textContent = `${alarm.label} · ${alarm.patientId} · onset ${clockTime(alarm.onsetUnixMs)}` +
      (alarm.heartRateBpm ? ` · HR ${Math.round(alarm.heartRateBpm)}` : "");
    this.message.textContent = "Loading the stored waveform…";
    this.dialog.showModal();
    try {
      const stored = await this.session.getJson(
        `/api/patients/${encodeURIComponent(alarm.patientId)}/waveform?from=${this.from}&to=${this.to}`);
      const { scrollTo, paceMarks } = drawStrip(this.canvas, this.from, this.to, stored.segments, alarm.onsetUnixMs);
      this.message.textContent = !stored.segments.length ? "No stored waveform in this range yet."
        : "25 mm/s · 10 mm/mV · red line: onset" + (paceMarks ? " · blue ticks: pacemaker pulses" : "");
      this.canvas.parentElement.scrollLeft = Math.max(0, scrollTo - this.canvas.parentElement.clientWidth / 2);
    } catch (error) {
      this.message.textContent = `Stored waveform not available: ${error.message}`;
    }
  }
}
