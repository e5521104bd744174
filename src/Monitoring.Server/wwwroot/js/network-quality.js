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
    const { devices = [], children = [], tiers = [] } = result.value;
    this.container.replaceChildren(
      table(["Device", "Patient", "Link", "Latency ms", "Jitter ms", "Loss %", "Reconnects", "Batches/s"], devices.map(d =>
        el("tr", { class: d.warning ? "warning" : "", title: d.warning ?? "" },
          cells(d.deviceId, d.patientId, d.connected ? "connected" : "OFFLINE", round(d.latencyMs), round(d.jitterMs),
            round(d.lossPercent, 1), d.reconnects, round(d.batchesPerSecond, 1))))),
      summaryTable("Facility below", children),
      summaryTable("Tier", tiers.map(t => ({ ...t, name: tierName(t.id) }))));
  }
}

/** Devices, connected, warnings, p95 latency and loss of each child facility's subtree or of each tier. */
function summaryTable(heading, summaries) {
  return table([heading, "Devices", "Connected", "Warnings", "Latency p95 ms", "Loss %"], summaries.map(s =>
    el("tr", { class: s.warnings ? "warning" : "" },
      cells(s.name ?? s.id, s.devices, s.connected, s.warnings, round(s.latencyMsP95), round(s.lossPercent, 1)))));
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
