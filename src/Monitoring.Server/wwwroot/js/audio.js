import { PRIORITY_RANK, isUnacknowledged, priorityName } from "./enums.js";

// Tone bursts per priority, after IEC 60601-1-8's pattern (high: fast bursts of pulses; medium: three slower
// pulses; low: two), repeated while any alarm of that priority is unacknowledged and not audio-paused.
const PATTERNS = {
  High: { pulses: 5, hz: 960, gapMs: 120, repeatMs: 4000 },
  Medium: { pulses: 3, hz: 660, gapMs: 200, repeatMs: 8000 },
  Low: { pulses: 2, hz: 480, gapMs: 250, repeatMs: 16000 },
};

/** The console's alarm sound: the pattern of the highest-priority sounding alarm. */
export class AlarmTone {
  constructor() {
    this.context = null;
    this.nextAt = 0;
  }

  /** Browsers allow audio after a user gesture: called from the sign-in submit. */
  unlock() {
    try { this.context ??= new AudioContext(); } catch { this.context = null; }
  }

  /**
   * Called about once a second with every known alarm, and the priority of the console's own technical alarm
   * condition if one is present (the connection to the server lost), which no patient's audio pause silences.
   */
  update(alarms, nowMs, technicalPriority = null) {
    let loudest = technicalPriority;
    for (const alarm of alarms) {
      if (!isUnacknowledged(alarm) || (alarm.audioPausedUntilUnixMs ?? 0) > nowMs) continue;
      const priority = priorityName(alarm.priority);
      if (!loudest || PRIORITY_RANK[priority] > PRIORITY_RANK[loudest]) loudest = priority;
    }
    document.body.dataset.sounding = loudest ?? "";
    if (!loudest || !this.context || nowMs < this.nextAt) return;
    const pattern = PATTERNS[loudest];
    this.nextAt = nowMs + pattern.repeatMs;
    this.play(pattern);
  }

  play({ pulses, hz, gapMs }) {
    const start = this.context.currentTime;
    for (let i = 0; i < pulses; i++) {
      const oscillator = this.context.createOscillator(), gain = this.context.createGain();
      oscillator.frequency.value = hz;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(this.context.destination);
      const at = start + i * (gapMs + 100) / 1000;
      oscillator.start(at);
      oscillator.stop(at + 0.1);
    }
  }
}
