import { el } from "./dom.js";
import { tierName } from "./enums.js";
import { tryInvoke } from "./session.js";

const REFRESH_MS = 10000;

/** Link quality of the devices of the facility in view and a summary per facility below it. */
export class NetworkQualityPanel {
  constructor(hub, container) {
    Object.assign(this, { hub, container });
    container.closest("details")?.addEventListener("toggle", () => this.refresh());
    setInterval(() => this.refresh(), REFRESH_MS);
  }

  show(facilityId) {
    this.facilityId = facilityId;
    return this.refresh();
  }

  async refresh() {
    if (!this.facilityId || this.container.closest("details")?.open === false) return;
    const result = await tryInvoke(this.hub, "GetNetworkQuality", this.facilityId);
    if (!result.ok) {
      this.container.replaceChildren(el("p", { class: "unavailable" }, "Network quality not available on this server."));
      return;
    }
    const { devices = [], children = [] } = result.value;
    this.container.replaceChildren(
      table(["Device", "Patient", "Link", "Latency ms", "Jitter ms", "Loss %", "Reconnects", "Batches/s"], devices.map(d =>
        el("tr", { class: d.warning ? "warning" : "", title: d.warning ?? "" },
          cells(d.deviceId, d.patientId, d.connected ? "connected" : "OFFLINE", round(d.latencyMs), round(d.jitterMs),
            round(d.lossPercent, 1), d.reconnects, round(d.batchesPerSecond, 1))))),
      table(["Facility", "Tier", "Devices", "Warnings", "Latency p95 ms", "Loss %"], children.map(c =>
        el("tr", { class: c.warnings ? "warning" : "" },
          cells(c.name ?? c.facilityId, tierName(c.tier), c.devices, c.warnings, round(c.latencyMsP95), round(c.lossPercent, 1))))));
  }
}

function table(headings, rows) {
  return el("table", {}, el("thead", {}, el("tr", {}, headings.map(h => el("th", {}, h)))), el("tbody", {}, rows));
}

function cells(...values) {
  return values.map(value => el("td", {}, value ?? ""));
}

function round(value, digits = 0) {
  return value == null ? "" : Number(value).toFixed(digits);
}
