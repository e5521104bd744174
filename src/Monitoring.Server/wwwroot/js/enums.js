// Enum values of the server's contracts, by name. Over MessagePack an enum may arrive by name or by number
// (depending on the server's resolver), so both are accepted; the lists follow the C# declaration order.
const byName = (...names) => value => typeof value === "number" ? (names[value] ?? String(value)) : value;

export const priorityName = byName("Low", "Medium", "High");
export const alarmStateName = byName("Active", "Latched", "Resolved", "Acknowledged", "AudioPaused");
export const alarmKindName = byName("Physiological", "Technical");
export const tierName = byName("Province", "City", "County", "Township", "Village");

export const PRIORITY_RANK = { High: 3, Medium: 2, Low: 1 };

/** Unacknowledged alarm states: shown flashing, and sounding unless their audio is paused. */
export function isUnacknowledged(alarm) {
  const state = alarmStateName(alarm.state);
  return state === "Active" || state === "Latched" || state === "AudioPaused";
}

export function isResolved(alarm) {
  return alarmStateName(alarm.state) === "Resolved";
}
