import { ALARM_SYNC_MS, AlarmBoard } from "./alarms.js";
import { AlarmReview } from "./review.js";
import { AlarmTone } from "./audio.js";
import { ConsultDesk } from "./consults.js";
import { FacilityNavigator } from "./navigation.js";
import { NetworkQualityPanel } from "./network-quality.js";
import { Session } from "./session.js";
import { TileGrid } from "./tiles.js";

// The monitoring-centre console: sign-in, then one hub connection feeding tiles, alarms and consults.
const signInForm = document.getElementById("signin-form");
const tone = new AlarmTone();

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
  const showState = state => { connection.textContent = state; connection.dataset.state = state; };
  hub.onreconnecting(() => showState("reconnecting"));
  hub.onreconnected(() => { showState("connected"); tiles.rewatch(); alarms.sync(); });
  hub.onclose(() => showState("disconnected"));

  alarms.render();
  await hub.start();
  showState("connected");
  await navigator.start();
  consults.load();
  setInterval(() => alarms.sync(), ALARM_SYNC_MS);
  setInterval(() => {
    tiles.refresh();
    tone.update(alarms.alarms.values(), Date.now());
  }, 1000);
}
