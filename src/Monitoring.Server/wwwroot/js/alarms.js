import { PRIORITY_RANK, alarmStateName, isResolved, isUnacknowledged, priorityName } from "./enums.js";
import { clockTime, el, notify } from "./dom.js";
import { tryInvoke } from "./session.js";

/** How often the board compares itself with the server's list of the centre's active alarms. */
export const ALARM_SYNC_MS = 10_000;

/** When the alarm's condition last started: a latched alarm whose condition came back sorts by its recurrence. */
const latestOnset = alarm => alarm.lastOnsetUnixMs ?? alarm.onsetUnixMs;

/** " · again 10:42:07 (3×)": the condition came back while the alarm was latched. */
const recurrence = alarm => alarm.recurrences > 0
  ? ` · again ${clockTime(alarm.lastOnsetUnixMs)}${alarm.recurrences > 1 ? ` (${alarm.recurrences}×)` : ""}`
  : "";

/**
 * The console's alarms: the newest version of each (pushes may arrive out of order), the alarm list, and the
 * actions on an alarm. Escalated alarms are reported delivered on arrival and can be accepted or declined.
 */
export class AlarmBoard {
  constructor(session, hub, list, { onChange, onReview }) {
    Object.assign(this, { session, hub, list, onChange, onReview });
    this.alarms = new Map();
    /** When each alarm's shown version arrived (performance.now()). */
    this.receivedAt = new Map();
    /** Alarms found ended by a sync: their version, so that a late push of that version does not bring them back. */
    this.ended = new Map();
  }

  /** An `alarm` push or an item of GetActiveAlarms. */
  receive(alarm) {
    const known = this.alarms.get(alarm.alarmId);
    if (known && known.version > alarm.version) return;
    if (this.ended.get(alarm.alarmId) >= alarm.version) return;
    this.ended.delete(alarm.alarmId);
    this.alarms.set(alarm.alarmId, alarm);
    this.receivedAt.set(alarm.alarmId, performance.now());
    const step = this.escalationToMe(alarm);
    if (step && !step.deliveredUnixMs && !isResolved(alarm)) tryInvoke(this.hub, "ReportEscalation", alarm.alarmId, "Delivered");
    this.render();
    this.onChange(alarm.patientId);
  }

  /**
   * A push can be lost (a host of the cluster restarting, a connection dropped and resumed), so the board compares
   * itself with the server's list of the centre's active alarms: newer versions are taken, and an alarm of one of the
   * centre's own patients, or escalated to it, that the list leaves out has ended, unless its version arrived after
   * the question was asked. Alarms of patients watched from below (pushed to every centre above) are not in the list
   * and are left as they are.
   */
  async sync() {
    const askedAt = performance.now();
    const [active, patients] = await Promise.all([tryInvoke(this.hub, "GetActiveAlarms"), tryInvoke(this.hub, "GetPatients")]);
    if (!active.ok || !patients.ok) return;
    const listed = new Set(active.value.map(alarm => alarm.alarmId));
    const own = new Set(patients.value);
    for (const alarm of active.value) this.receive(alarm);
    const endedPatients = new Set();
    for (const [alarmId, alarm] of this.alarms) {
      if (listed.has(alarmId) || isResolved(alarm) || this.receivedAt.get(alarmId) >= askedAt) continue;
      if (!own.has(alarm.patientId) && !this.escalationToMe(alarm)) continue;
      this.alarms.delete(alarmId);
      this.receivedAt.delete(alarmId);
      this.ended.set(alarmId, alarm.version);
      endedPatients.add(alarm.patientId);
    }
    if (endedPatients.size === 0) return;
    this.render();
    for (const patientId of endedPatients) this.onChange(patientId);
  }

  /** Alarms that are not over, of one patient or of all, highest priority first, then newest first. */
  current(patientId) {
    const alarms = [...this.alarms.values()].filter(a => !isResolved(a) && (!patientId || a.patientId === patientId));
    return alarms.sort((a, b) => PRIORITY_RANK[priorityName(b.priority)] - PRIORITY_RANK[priorityName(a.priority)] || latestOnset(b) - latestOnset(a));
  }

  escalationToMe(alarm) {
    return (alarm.escalation ?? []).find(step => step.centreId === this.session.centreId);
  }

  async acknowledge(alarmId) {
    const result = await tryInvoke(this.hub, "AcknowledgeAlarm", alarmId);
    if (!result.ok) notify(`Acknowledge refused: ${result.error}`);
    else if (result.value) this.receive(result.value);
  }

  async pauseAudio(patientId) {
    const result = await tryInvoke(this.hub, "PauseAlarmAudio", patientId);
    if (!result.ok) notify(`Audio pause refused: ${result.error}`);
    else for (const alarm of result.value ?? []) this.receive(alarm);
  }

  async respond(alarmId, report) {
    const result = await tryInvoke(this.hub, "ReportEscalation", alarmId, report);
    if (!result.ok) notify(`${report} failed: ${result.error}`);
    else if (result.value) this.receive(result.value);
  }

  render() {
    const rows = this.current().map(alarm => this.row(alarm));
    this.list.replaceChildren(...(rows.length ? rows : [el("li", { class: "empty" }, "No active alarms")]));
  }

  row(alarm) {
    const priority = priorityName(alarm.priority), state = alarmStateName(alarm.state);
    const step = this.escalationToMe(alarm);
    return el("li", {
      class: `alarm priority-${priority.toLowerCase()} state-${state.toLowerCase()}${isUnacknowledged(alarm) ? " flashing" : ""}`,
      dataset: { alarmId: alarm.alarmId, patientId: alarm.patientId, priority, state },
    },
      el("span", { class: "alarm-label" }, alarm.label),
      el("span", { class: "alarm-patient" }, alarm.patientId),
      el("span", { class: "alarm-time" }, clockTime(alarm.onsetUnixMs)),
      el("span", { class: "alarm-state" }, state + recurrence(alarm) + (step ? ` · escalated L${step.level}` : "")),
      el("span", { class: "alarm-actions" },
        isUnacknowledged(alarm) && el("button", { class: "ack", onclick: () => this.acknowledge(alarm.alarmId) }, "Acknowledge"),
        el("button", { class: "review", onclick: () => { if (step) this.respond(alarm.alarmId, "Viewed"); this.onReview(alarm); } }, "Review"),
        step && !step.respondedUnixMs && el("button", { onclick: () => this.respond(alarm.alarmId, "Accepted") }, "Accept"),
        step && !step.respondedUnixMs && el("button", { onclick: () => this.respond(alarm.alarmId, "Declined") }, "Decline")));
  }
}
