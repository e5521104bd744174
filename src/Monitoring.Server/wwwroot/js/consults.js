import { clockTime, el, notify } from "./dom.js";
import { tryInvoke } from "./session.js";

const STRIP_MS = 30000;

/**
 * The consult inbox (requests to and from this centre: accept, answer, decline to escalate) and the request
 * form. The consult hub methods are newer than the console may find on a server: without them the panel says so.
 */
export class ConsultDesk {
  constructor(hub, inbox, form) {
    Object.assign(this, { hub, inbox, form });
    this.consults = new Map();
    form.addEventListener("submit", event => { event.preventDefault(); this.request(); });
  }

  async load() {
    const result = await tryInvoke(this.hub, "GetConsults");
    const submit = this.form.querySelector("button[type=submit]");
    if (!result.ok) {
      this.inbox.replaceChildren(el("li", { class: "unavailable" }, "Consults not available on this server."));
      submit.disabled = true;
      return;
    }
    submit.disabled = false;
    // The centre's open consults, merged: the requests it sent and answered ones come by push only, and stay.
    for (const consult of result.value) this.consults.set(consult.consultId, consult);
    this.render();
  }

  receive(consult) {
    this.consults.set(consult.consultId, consult);
    this.render();
  }

  /** Pre-fills the request form (from alarm review: the strip on screen). */
  prefill(patientId, fromUnixMs, toUnixMs, reason) {
    const fields = this.form.elements;
    fields.patientId.value = patientId;
    fields.reason.value = reason ?? "";
    this.form.dataset.stripFrom = fromUnixMs;
    this.form.dataset.stripTo = toUnixMs;
    this.form.closest("details").open = true;
    fields.reason.focus();
  }

  async request() {
    const fields = this.form.elements, now = Date.now();
    const request = {
      patientId: fields.patientId.value.trim(),
      reason: fields.reason.value.trim(),
      urgency: fields.urgency.value,
      stripFromUnixMs: Number(this.form.dataset.stripFrom) || now - STRIP_MS,
      stripToUnixMs: Number(this.form.dataset.stripTo) || now,
    };
    const result = await tryInvoke(this.hub, "RequestConsult", request);
    if (!result.ok) return notify(`Consult request failed: ${result.error}`);
    this.form.reset();
    delete this.form.dataset.stripFrom;
    delete this.form.dataset.stripTo;
    if (result.value?.consultId) this.receive(result.value);
    notify("Consult requested.");
  }

  async act(method, consultId, ...args) {
    const result = await tryInvoke(this.hub, method, consultId, ...args);
    if (!result.ok) notify(`${method} failed: ${result.error}`);
    else if (result.value?.consultId) this.receive(result.value);
  }

  render() {
    const consults = [...this.consults.values()];
    this.inbox.replaceChildren(...(consults.length ? consults.map(c => this.row(c)) : [el("li", { class: "empty" }, "No consults")]));
  }

  row(consult) {
    const answer = el("input", { name: "answer", placeholder: "Report" });
    const { urgency, patientId, reason } = consult.request ?? {};
    return el("li", { class: `consult urgency-${String(urgency).toLowerCase()}`, dataset: { consultId: consult.consultId } },
      el("div", {}, el("strong", {}, `${urgency} · ${patientId}`), ` ${consult.state} → ${consult.targetCentreId ?? ""}`),
      el("div", { class: "consult-reason" }, reason),
      el("ol", { class: "consult-history" }, (consult.history ?? []).map(h =>
        el("li", {}, `${clockTime(h.atUnixMs)} ${h.kind} ${h.userId ?? h.centreId ?? ""}${h.text ? `: ${h.text}` : ""}`))),
      el("div", { class: "consult-actions" },
        el("button", { onclick: () => this.act("AcceptConsult", consult.consultId) }, "Accept"),
        answer,
        el("button", { onclick: () => this.act("AnswerConsult", consult.consultId, answer.value) }, "Answer"),
        el("button", { onclick: () => this.act("DeclineConsult", consult.consultId) }, "Escalate")));
  }
}
