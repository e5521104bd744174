import { el, notify } from "./dom.js";
import { tierName } from "./enums.js";
import { tryInvoke } from "./session.js";

/**
 * Navigation by tier and facility within the user's jurisdiction: from the user's centre's facility down. The
 * home view shows the patients the centre is responsible for; a facility shows the patients registered there.
 */
export class FacilityNavigator {
  constructor(hub, container, onSelect) {
    Object.assign(this, { hub, container, onSelect });
    this.home = null;
  }

  /** Opens the home view; `loaded` says whether all of it came (else the console calls this again on reconnection). */
  async start() {
    const centre = await tryInvoke(this.hub, "GetCentre");
    if (!centre.ok) {
      this.container.replaceChildren(el("span", { class: "unavailable" }, `Navigation not available: ${centre.error}`));
      this.loaded = false;
      await this.showHome();
      return;
    }
    this.centre = centre.value;
    this.home = centre.value.facilityId;
    document.getElementById("centre-name").textContent = centre.value.name;
    this.loaded = await this.open(this.home);
  }

  async showHome() {
    return this.select(this.home, "My centre's patients", await tryInvoke(this.hub, "GetPatients"));
  }

  /** Shows a view's patients; false when they could not be had. */
  select(facilityId, title, patients) {
    if (!patients.ok) notify(`Patients not available: ${patients.error}`);
    this.onSelect({ facilityId, title, patientIds: patients.ok ? patients.value : [] });
    return patients.ok;
  }

  /** Opens a facility's view; false when it or its patients could not be had. */
  async open(facilityId) {
    const facility = await tryInvoke(this.hub, "GetFacility", facilityId);
    if (!facility.ok) {
      this.container.replaceChildren(el("span", { class: "unavailable" }, facility.error));
      return false;
    }
    const { definition, path, children } = facility.value;
    const reachable = path.slice(path.indexOf(this.home));
    const names = await this.names(reachable.concat(children));
    this.container.replaceChildren(
      el("nav", { class: "breadcrumb" }, reachable.map(id =>
        el("button", { class: id === facilityId ? "current" : "", onclick: () => this.open(id) }, names.get(id) ?? id))),
      el("div", { class: "children" }, children.map(id =>
        el("button", { class: "facility", dataset: { facilityId: id }, onclick: () => this.open(id) }, names.get(id) ?? id))));
    if (facilityId === this.home) return this.showHome();
    return this.select(facilityId, `${tierName(definition.tier)} · ${definition.name}`, await tryInvoke(this.hub, "GetFacilityPatients", facilityId));
  }

  /** Display names with tiers, e.g. "Township · Riverside health centre". */
  async names(facilityIds) {
    const names = new Map();
    await Promise.all(facilityIds.map(async id => {
      const facility = await tryInvoke(this.hub, "GetFacility", id);
      if (facility.ok) names.set(id, `${tierName(facility.value.definition.tier)} · ${facility.value.definition.name}`);
    }));
    return names;
  }
}
