import { ALARM_SYNC_MS, AlarmBoard } from "./alarms.js";
import { AlarmReview } from "./review.js";
import { AlarmTone } from "./audio.js";
import { CONNECTION_LOST_PRIORITY, ConnectionWatch } from "./connection.js";
import { ConsultDesk } from "./consults.js";
import { FacilityNavigator } from "./navigation.js";
import { NetworkQualityPanel } from "./network-quality.js";
import { Session } from "./session.js";
import { TileGrid } from "./tiles.js";

// The monitoring-centre console: sign-in, then one hub connection feeding tiles, alarms and consults.
const signInForm = document.getElementById("signin-form");
const tone = new AlarmTone();

// Why the console is back at the sign-in form, kept across the reload that clears the expired session.
const SIGNIN_NOTICE = "signin-notice";

const notice = sessionStorage.getItem(SIGNIN_NOTICE);
if (notice) {
  sessionStorage.removeItem(SIGNIN_NOTICE);
  document.getElementById("signin-error").textContent = notice;
}

signInForm.addEventListener("submit", async event => {
  event.preventDefault();
  const error = document.getElementById("signin-error");
  error.textContent = "";
  tone.unlock();
  try {
    const session = await Session.signIn(signInForm.elements.userId.value.trim(), signInForm.elements.password.value);
    signInForm.reset();
    await start(session);
  } catch (failure) {
    error.textContent = failure.message;
  }
});

async function start(session) {
  document.getElementById("signin").hidden = true;
  document.getElementById("console").hidden = false;
  document.getElementById("user-name").textContent = `${session.userId} (${session.role})`;
  const connection = document.getElementById("connection");
  const hub = session.connectHub();

  const consults = new ConsultDesk(hub, document.getElementById("consult-inbox"), document.getElementById("consult-form"));
  const review = new AlarmReview(session, document.getElementById("review"), {
    onRequestConsult: (...strip) => consults.prefill(...strip),
  });
  let tiles = null;
  const alarms = new AlarmBoard(session, hub, document.getElementById("alarm-list"), {
    onChange: patientId => tiles?.refresh(patientId),
    onReview: alarm => review.open(alarm),
  });
  tiles = new TileGrid(hub, document.getElementById("tiles"), alarms);
  const network = new NetworkQualityPanel(hub, document.getElementById("network-quality"));
  const navigator = new FacilityNavigator(hub, document.getElementById("facility-nav"), view => {
    document.getElementById("view-title").textContent = view.title;
    tiles.show(view.patientIds);
    network.show(view.facilityId);
  });

  hub.on("alarm", alarm => alarms.receive(alarm));
  hub.on("vitals", update => tiles.vitals(update));
  hub.on("waveform", frame => tiles.waveform(frame));
  hub.on("consult", consult => consults.receive(consult));
  const link = new ConnectionWatch(connection, document.getElementById("connection-lost"));
  hub.onreconnecting(() => link.lost("reconnecting"));
  hub.onreconnected(() => {
    link.connected();
    tiles.rewatch();
    alarms.sync();
    // What changed or failed to load while the connection was down: consults always, navigation if it never loaded.
    consults.load();
    if (!navigator.loaded) navigator.start();
  });
  hub.onclose(() => link.lost("disconnected"));
  session.onExpired = () => {
    // The server refuses this token (it expired with the shift, or a restarted server signs with a new key): a fresh
    // page, and the sign-in form says why.
    sessionStorage.setItem(SIGNIN_NOTICE, "Your session has ended (it expired, or the server no longer knows it): sign in again. Until then this console receives no alarms.");
    location.reload();
  };

  alarms.render();
  await hub.start();
  link.connected();
  await navigator.start();
  consults.load();
  setInterval(() => alarms.sync(), ALARM_SYNC_MS);
  setInterval(() => {
    tiles.refresh();
    const now = Date.now();
    tone.update(alarms.alarms.values(), now, link.isAlarming(now) ? CONNECTION_LOST_PRIORITY : null);
    link.show(now);
  }, 1000);
}
