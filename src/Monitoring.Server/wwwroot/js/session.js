// Reconnection delays of the monitoring hub: quickly at first, then every 10 s for as long as it takes. A central
// station never gives up on its server by itself; only a refused token (the session is over) stops it.
const RECONNECT_DELAYS_MS = [0, 1000, 2000, 5000, 10000];

/** Sign-in at the server's token endpoint, authorized HTTP calls, and the monitoring hub over MessagePack. */
export class Session {
  constructor(signIn) {
    this.userId = signIn.userId;
    this.token = signIn.accessToken;
    this.role = signIn.role;
    this.centreId = signIn.centreId;
    /** Called once when the server refuses the token (it expired with the shift): the console must sign in again. */
    this.onExpired = () => {};
    this.expired = false;
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
    if (response.status === 401) this.expire();
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  /**
   * The monitoring hub; reconnects by itself for as long as it takes (the server re-sends active alarms on every
   * connection), unless the server refuses the token.
   */
  connectHub() {
    const signalR = window.signalR;
    return new signalR.HubConnectionBuilder()
      .withUrl("/hubs/monitoring", { accessTokenFactory: () => this.token })
      .withHubProtocol(new signalR.protocols.msgpack.MessagePackHubProtocol())
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: context => {
          if (isUnauthorized(context.retryReason)) {
            this.expire();
            return null;
          }
          return RECONNECT_DELAYS_MS[Math.min(context.previousRetryCount, RECONNECT_DELAYS_MS.length - 1)];
        },
      })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
  }

  expire() {
    if (this.expired) return;
    this.expired = true;
    this.onExpired();
  }
}

/** The client reports a refused negotiation only in its message ("... Status code '401'"). */
export function isUnauthorized(error) {
  return /Status code '401'/.test(error?.message ?? "");
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
