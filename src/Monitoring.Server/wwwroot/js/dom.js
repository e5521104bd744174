/** Creates an element: `el("button", { class: "ack", onclick }, "Acknowledge")`. Text children are escaped. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...nodes(children));
  return element;
}

/** Children for append/replaceChildren: nested lists flattened, and `cond && el(...)` that came out false left out. */
export function nodes(...children) {
  return children.flat(Infinity).filter(child => child !== null && child !== undefined && child !== false);
}

export function clockTime(unixMs) {
  return unixMs ? new Date(unixMs).toLocaleTimeString([], { hour12: false }) : "";
}

/** Shows a transient message in the console's status line. */
export function notify(message) {
  const status = document.getElementById("status-line");
  status.textContent = message;
  status.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { status.hidden = true; }, 6000);
}
