/** Sign-in at the server's token endpoint, authorized HTTP calls, and the monitoring hub over MessagePack. */
export class Session {
  constructor(signIn) {
    this.userId = signIn.userId;
    this.token = signIn.accessToken;
    this.role = signIn.role;
    this.centreId = signIn.centreId;
  }

  /** Returns a Session, or throws an Error whose message is fit to show on the sign-in form. */
  static async signIn(userId, password) {
    let response;
    try {
      response = await fetch("/api/auth/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ userId, password }),
      });
    } catch {
      throw new Error("The server cannot be reached.");
    }
    if (response.status === 401) throw new Error("Wrong user id or password.");
    if (!response.ok) throw new Error(`Sign-in failed (HTTP ${response.status}).`);
    return new Session({ userId, ...await response.json() });
  }

  async getJson(path) {
    const response = await fetch(path, { headers: { Authorization: `Bearer ${this.token}` } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  /** The monitoring hub; reconnects by itself (the server re-sends active alarms on every connection). */
  connectHub() {
    const signalR = window.signalR;
    return new signalR.HubConnectionBuilder()
      .withUrl("/hubs/monitoring", { accessTokenFactory: () => this.token })
      .withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol())
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
  }
}

/**
 * Calls a hub method that the server may not offer yet (or refuses): resolves to `{ ok, value, error }` so that
 * a panel can show "not available" instead of failing the console.
 */
export async function tryInvoke(hub, method, ...args) {
  try {
    return { ok: true, value: await hub.invoke(method, ...args) };
  } catch (error) {
    return { ok: false, error: error?.message ?? String(error) };
  }
}
