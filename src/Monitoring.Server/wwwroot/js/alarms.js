import { PRIORITY_RANK, alarmStateName, isResolved, isUnacknowledged, priorityName } from "./enums.js";
import { clockTime, el, notify } from "./dom.js";
import { tryInvoke } from "./session.js";

/**
 * The console's alarms: the newest version of each (pushes may arrive out of order), the alarm list, and the
 * actions on an alarm. Escalated alarms are reported delivered on arrival and can be accepted or declined.
 */
export class AlarmBoard {
  constructor(session, hub, list, { onChange, onReview }) {
    Object.assign(this, { session, hub, list, onChange, onReview });
    this.alarms = new Map();
  }

  /** An `alarm` push or an item of GetActiveAlarms. */
  receive(alarm) {
    const known = this.alarms.get(alarm.alarmId);
    if (known && known.version > alarm.version) return;
    this.alarms.set(alarm.alarmId, alarm);
    const step = this.escalationToMe(alarm);
    if (step && !step.deliveredUnixMs && !isResolved(alarm)) tryInvoke(this.hub, "ReportEscalation", alarm.alarmId, "Delivered");
    this.render();
    this.onChange(alarm.patientId);
  }

  /** Alarms that are not over, of one patient or of all, highest priority first, then newest first. */
  current(patientId) {
    const alarms = [...this.alarms.values()].filter(a => !isResolved(a) && (!patientId || a.patientId === patientId));
    return alarms.sort((a, b) => PRIORITY_RANK[priorityName(b.priority)] - PRIORITY_RANK[priorityName(a.priority)] || b.onsetUnixMs - a.onsetUnixMs);
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
      el("span", { class: "alarm-state" }, state + (step ? ` · escalated L${step.level}` : "")),
      el("span", { class: "alarm-actions" },
        isUnacknowledged(alarm) && el("button", { class: "ack", onclick: () => this.acknowledge(alarm.alarmId) }, "Acknowledge"),
        el("button", { class: "review", onclick: () => { if (step) this.respond(alarm.alarmId, "Viewed"); this.onReview(alarm); } }, "Review"),
        step && !step.respondedUnixMs && el("button", { onclick: () => this.respond(alarm.alarmId, "Accepted") }, "Accept"),
        step && !step.respondedUnixMs && el("button", { onclick: () => this.respond(alarm.alarmId, "Declined") }, "Decline")));
  }
}
