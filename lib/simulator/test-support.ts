import { Agent, request } from "undici";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

import { type RunningSimulator, type SimulatorOptions, startSimulator } from "./index";

// Shared by the simulator's tests: a started simulator and a small client that speaks to it
// over real HTTP, the way the console does.

export interface Reply {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, for bodies that are not valid JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export class SimClient {
  constructor(
    readonly url: string,
    private readonly dispatcher?: Agent,
  ) {}

  async call(method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers["vmware-api-session-id"] = opts.token;
    const payload =
      opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
    if (payload !== undefined) headers["content-type"] = "application/json";
    const res = await request(this.url + path, {
      method: method as "GET",
      headers,
      body: payload,
      dispatcher: this.dispatcher,
      signal: opts.signal,
    });
    const text = await res.body.text();
    return {
      status: res.statusCode,
      body: text ? JSON.parse(text) : undefined,
      headers: res.headers,
    };
  }

  basic(user: string, password = "VMware1!"): Record<string, string> {
    return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` };
  }

  /** Logs in and returns the session token. */
  async login(user = "administrator@vsphere.local", password = "VMware1!"): Promise<string> {
    const reply = await this.call("POST", "/api/session", { headers: this.basic(user, password) });
    if (reply.status !== 201 || typeof reply.body !== "string")
      throw new Error(`login failed: ${reply.status}`);
    return reply.body;
  }
}

export interface TestSimulator {
  sim: RunningSimulator;
  client: SimClient;
}

export async function startTestSimulator(opts: SimulatorOptions = {}): Promise<TestSimulator> {
  const sim = await startSimulator({ quiet: true, ...opts });
  const dispatcher = sim.caPem ? new Agent({ connect: { ca: sim.caPem } }) : undefined;
  return { sim, client: new SimClient(sim.url, dispatcher) };
}

export interface LoggedInSimulator extends TestSimulator {
  /** The administrator's session, logged in once for the whole file. */
  token: string;
}

/**
 * What a file's tests put back between them: the inventory before each test, or the faults and
 * then the inventory after each (so that no fault a test sets can outlive it).
 */
export type BetweenTests = "nothing" | "reset-before-each" | "clear-faults-after-each";

/**
 * One simulator for a test file, started and logged into before its tests and closed after them.
 * Read its fields inside tests or hooks only: they exist once the file's beforeAll has run.
 */
export function simulatorPerFile(between: BetweenTests = "nothing"): LoggedInSimulator {
  let started: LoggedInSimulator | undefined;
  const current = () => {
    if (!started) throw new Error("the test simulator starts in beforeAll");
    return started;
  };
  const resetInventory = () => current().client.call("POST", "/__sim/reset");

  beforeAll(async () => {
    const t = await startTestSimulator();
    started = { ...t, token: await t.client.login() };
  });
  if (between === "reset-before-each")
    beforeEach(async () => {
      await resetInventory();
    });
  if (between === "clear-faults-after-each")
    afterEach(async () => {
      await current().client.call("DELETE", "/__sim/faults");
      await resetInventory();
    });
  afterAll(() => current().sim.close());

  return {
    get sim() {
      return current().sim;
    },
    get client() {
      return current().client;
    },
    get token() {
      return current().token;
    },
  };
}

/** The error body's messages as [id, default_message] pairs, for compact assertions. */
export function messagesOf(body: unknown): { error_type?: string; ids: string[]; texts: string[] } {
  const record = body as {
    error_type?: string;
    messages?: { id: string; default_message: string }[];
  };
  const messages = record.messages ?? [];
  return {
    error_type: record.error_type,
    ids: messages.map((m) => m.id),
    texts: messages.map((m) => m.default_message),
  };
}
