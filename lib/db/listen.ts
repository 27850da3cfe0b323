import pg from "pg";

/** What a listener hears: each notification, and whether it can hear them at all. */
export type ListenEvents = {
  /** A notification arrived on the channel, with its payload ("" when it has none). */
  notify(payload: string): void;
  /** Listening started, or started again after a loss: notifications sent from now on will arrive. */
  ready(): void;
  /** The listening connection failed or closed: notifications may be missed until the next ready(). */
  lost(error: unknown): void;
};

/** Stops listening and closes what the listener opened. */
export type StopListening = () => Promise<void>;

const RETRY_MS = [250, 500, 1_000] as const;

/**
 * LISTENs on `channel` over a connection of its own, which it opens again after a failure
 * (after 0.25 s, 0.5 s, then every second) until stopped. Resolves once the first attempt has
 * succeeded or failed: a listener that failed keeps trying and calls ready() when it gets through.
 */
export async function listenPostgres(url: string, channel: string, events: ListenEvents): Promise<StopListening> {
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;

  const retry = (error: unknown) => {
    client = undefined;
    events.lost(error);
    if (stopped) return;
    const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]!;
    failures += 1;
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, application_name: "archive change listener", connectionTimeoutMillis: 2_000, keepAlive: true });
    let reported = false;
    const fail = (error: unknown) => {
      if (reported) return;
      reported = true;
      void next.end().catch(() => undefined);
      retry(error);
    };
    next.on("error", fail);
    next.on("end", () => fail(new Error("the listening connection closed")));
    next.on("notification", (message) => {
      if (message.channel === channel) events.notify(message.payload ?? "");
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      fail(error);
      return;
    }
    if (stopped) {
      reported = true;
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    failures = 0;
    events.ready();
  };

  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const current = client;
    client = undefined;
    if (current) {
      current.removeAllListeners("end");
      current.removeAllListeners("error");
      current.on("error", () => undefined);
      await current.end().catch(() => undefined);
    }
  };
}
