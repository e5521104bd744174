// Without its connection the console receives no alarm: after this long without it, that is a technical alarm
// condition of its own (medium priority, shown and sounded). Shorter drops are reconnections, shown in the bar only.
const CONNECTION_LOST_AFTER_MS = 10_000;
export const CONNECTION_LOST_PRIORITY = "Medium";

/** The hub connection's state in the bar, and the connection-lost alarm once it has been down too long. */
export class ConnectionWatch {
  constructor(stateElement, bannerElement) {
    this.stateElement = stateElement;
    this.banner = bannerElement;
    this.lostSince = null;
  }

  connected() {
    this.lostSince = null;
    this.setState("connected");
    this.show(Date.now());
  }

  lost(state) {
    this.lostSince ??= Date.now();
    this.setState(state);
  }

  isAlarming(nowMs) {
    return this.lostSince !== null && nowMs - this.lostSince >= CONNECTION_LOST_AFTER_MS;
  }

  show(nowMs) {
    const alarming = this.isAlarming(nowMs);
    this.banner.hidden = !alarming;
    if (alarming) {
      const since = new Date(this.lostSince).toLocaleTimeString();
      this.banner.textContent = `NO CONNECTION TO THE MONITORING SERVER since ${since}: alarms are not reaching this console. Reconnecting…`;
    }
  }

  setState(state) {
    this.stateElement.textContent = state;
    this.stateElement.dataset.state = state;
  }
}
