import { Agent, request } from "undici";

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
