import { alarmKindName, alarmStateName, isUnacknowledged, priorityName } from "./enums.js";
import { drawGrid, fitCanvas, needsFit } from "./ecg-scale.js";
import { el, nodes, notify } from "./dom.js";
import { tryInvoke } from "./session.js";
import { WaveformSweep } from "./sweep.js";

const NO_DATA_MS = 3000;

/** One patient's tile: live sweep, heart rate, rhythm, signal quality and the patient's top alarm. */
class PatientTile {
  constructor(patientId, alarms) {
    this.patientId = patientId;
    this.alarms = alarms;
    this.name = el("span", { class: "tile-name" }, patientId);
    this.heartRate = el("span", { class: "tile-hr" }, "--");
    this.rhythm = el("span", { class: "tile-rhythm" }, "");
    this.quality = el("span", { class: "tile-quality" }, "NO DATA");
    this.alarm = el("div", { class: "tile-alarm" });
    const grid = el("canvas", { class: "tile-grid" }), trace = el("canvas", { class: "tile-sweep" });
    this.element = el("article", { class: "tile", dataset: { patientId } },
      el("header", {}, this.name, this.quality),
      el("div", { class: "tile-body" },
        el("div", { class: "tile-trace" }, grid, trace),
        el("div", { class: "tile-vitals" }, el("span", { class: "tile-hr-unit" }, "HR"), this.heartRate, this.rhythm)),
      this.alarm);
    this.grid = grid;
    this.traceCanvas = trace;
  }

  /** Called once the tile is in the document (canvases have their size then), and when the window resizes. */
  layout() {
    if (needsFit(this.grid)) {
      const { context, width, height } = fitCanvas(this.grid);
      drawGrid(context, width, height);
    }
    if (this.sweep) this.sweep.resize(); else this.sweep = new WaveformSweep(this.traceCanvas);
  }

  status(status) {
    if (status.admission?.displayName) this.name.textContent = `${status.admission.displayName} · ${this.patientId}`;
    this.vitals(status);
  }

  vitals({ heartRateBpm, rhythmLabel }) {
    this.heartRate.textContent = heartRateBpm == null ? "--" : Math.round(heartRateBpm);
    this.rhythm.textContent = rhythmLabel ?? "";
    this.vitalsAt = performance.now();
  }

  /** Signal quality: a technical alarm's label (NO SIGNAL, LEADS OFF, ECG ARTIFACT), NO DATA when frames stop, else GOOD. */
  refresh() {
    const current = this.alarms.current(this.patientId);
    const technical = current.find(a => alarmKindName(a.kind) === "Technical");
    const quality = technical ? technical.label : this.sweep?.silentFor(NO_DATA_MS) !== false ? "NO DATA" : "GOOD";
    this.quality.textContent = quality;
    this.quality.dataset.quality = quality === "GOOD" ? "good" : "poor";

    const top = current[0];
    this.element.dataset.alarmPriority = top ? priorityName(top.priority).toLowerCase() : "";
    this.element.classList.toggle("flashing", !!top && isUnacknowledged(top));
    if (!top) {
      this.alarm.replaceChildren();
      return;
    }
    this.alarm.replaceChildren(...nodes(
      el("span", { class: "tile-alarm-label" }, top.label),
      el("span", { class: "tile-alarm-state" }, alarmStateName(top.state)),
      isUnacknowledged(top) && el("button", { class: "ack", onclick: () => this.alarms.acknowledge(top.alarmId) }, "Acknowledge"),
      el("button", { class: "pause-audio", onclick: () => this.alarms.pauseAudio(this.patientId) }, "Audio pause")));
  }
}

/** The grid of tiles of the patients in view: watches their live waveform while shown. */
export class TileGrid {
  constructor(hub, container, alarms) {
    Object.assign(this, { hub, container, alarms });
    this.tiles = new Map();
    this.lastTick = performance.now();
    requestAnimationFrame(now => this.animate(now));
    window.addEventListener("resize", () => { for (const tile of this.tiles.values()) tile.layout(); });
  }

  show(patientIds) {
    for (const [patientId, tile] of this.tiles) {
      if (patientIds.includes(patientId)) continue;
      tile.element.remove();
      this.tiles.delete(patientId);
      tryInvoke(this.hub, "UnwatchPatient", patientId);
    }
    for (const patientId of patientIds) {
      if (this.tiles.has(patientId)) continue;
      const tile = new PatientTile(patientId, this.alarms);
      this.tiles.set(patientId, tile);
      this.container.append(tile.element);
      tile.layout();
      this.watch(tile);
    }
    this.container.dataset.empty = this.tiles.size === 0;
    this.refresh();
  }

  async watch(tile) {
    const status = await tryInvoke(this.hub, "GetPatient", tile.patientId);
    if (status.ok) tile.status(status.value);
    const watched = await tryInvoke(this.hub, "WatchPatient", tile.patientId);
    // data-live says whether frames now reach the tile: the server sends none before the watch is in place.
    tile.element.dataset.live = watched.ok ? "watching" : "refused";
    if (!watched.ok) notify(`Live waveform of ${tile.patientId} refused: ${watched.error}`);
  }

  /** After a reconnection the server has forgotten which patients this connection watched. */
  rewatch() {
    for (const tile of this.tiles.values()) {
      delete tile.element.dataset.live;
      this.watch(tile);
    }
  }

  waveform(frame) { this.tiles.get(frame.patientId)?.sweep?.push(frame); }

  vitals(update) { this.tiles.get(update.patientId)?.vitals(update); }

  refresh(patientId) {
    for (const tile of this.tiles.values()) if (!patientId || tile.patientId === patientId) tile.refresh();
  }

  animate(now) {
    const elapsed = Math.min(now - this.lastTick, 1000);
    this.lastTick = now;
    for (const tile of this.tiles.values()) tile.sweep?.tick(elapsed);
    requestAnimationFrame(next => this.animate(next));
  }
}
