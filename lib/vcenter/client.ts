import "server-only";

import { request } from "undici";
import { z } from "zod";

import type { EnvironmentRuntime } from "@/lib/config/runtime";

import { NetworkError, parseErrorBody, toNetworkError, VcenterError } from "./errors";

export interface VcenterCall<T> {
  method?: "GET" | "POST" | "DELETE";
  /** Path with its query, ids already checked and encoded, e.g. /api/vcenter/vm?names=a */
  path: string;
  session?: string;
  headers?: Record<string, string>;
  body?: unknown;
  schema?: z.ZodType<T>;
  timeoutMs?: number;
}

export interface UpstreamLog {
  (entry: { method: string; path: string; status: number; ms: number }): void;
}

/** The one way the console speaks to vCenter: base URL, session header, timeout, JSON both ways. */
export async function vcenterFetch<T = unknown>(
  runtime: EnvironmentRuntime,
  call: VcenterCall<T>,
  log?: UpstreamLog,
): Promise<T> {
  try {
    return await send(runtime, call, log);
  } catch (err) {
    // A kept-alive socket that vCenter closed just as we reused it: a read may be sent again.
    // Never a POST: instant clone is not idempotent.
    const reset = err instanceof NetworkError && err.causeCode === "ECONNRESET";
    if (!reset || (call.method ?? "GET") !== "GET") throw err;
    return send(runtime, call, log);
  }
}

async function send<T>(
  runtime: EnvironmentRuntime,
  call: VcenterCall<T>,
  log?: UpstreamLog,
): Promise<T> {
  const method = call.method ?? "GET";
  const timeoutMs = call.timeoutMs ?? runtime.timeouts.read;
  const started = performance.now();
  const headers: Record<string, string> = { accept: "application/json", ...call.headers };
  if (call.session) headers["vmware-api-session-id"] = call.session;
  if (call.body !== undefined) headers["content-type"] = "application/json";
  let status = 0;
  try {
    const res = await request(runtime.baseUrl + call.path, {
      method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      dispatcher: runtime.dispatcher,
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = res.statusCode;
    const text = await readCapped(res.body, header(res.headers["content-length"]));
    if (status >= 400)
      throw new VcenterError(status, parseErrorBody(text, header(res.headers["content-type"])));
    const json: unknown = text === "" ? undefined : JSON.parse(text);
    return call.schema ? parseAnswer(call.schema, json, status) : (json as T);
  } catch (err) {
    if (err instanceof VcenterError || err instanceof NetworkError) throw err;
    if (err instanceof SyntaxError)
      throw new NetworkError(
        502,
        `vCenter sent a body that is not JSON (HTTP ${status})`,
        "EBADBODY",
        true,
      );
    // Before the headers or while the body was arriving (reset, closed, past the timeout): a
    // transport failure either way, and the request may have reached vCenter.
    throw toNetworkError(err, timeoutMs, true);
  } finally {
    log?.({
      method,
      path: call.path.split("?")[0],
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  }
}

// vCenter's own API answers are at most 7 MB; anything longer is not an answer the console can
// use, and reading it whole would let one upstream answer take the console's memory.
export const MAX_UPSTREAM_BYTES = 8 * 1024 * 1024;

const tooLarge = () =>
  new NetworkError(
    502,
    `vCenter's answer is larger than ${MAX_UPSTREAM_BYTES / 1024 / 1024} MB; the console stopped reading it`,
    "EBODYTOOLARGE",
    true,
  );

/** The body as text, counted as it streams in and abandoned past MAX_UPSTREAM_BYTES. */
async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  declared: string | undefined,
): Promise<string> {
  if (declared && Number(declared) > MAX_UPSTREAM_BYTES) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_UPSTREAM_BYTES) {
      body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** vCenter's answer checked against the shape the console expects; any other shape is vCenter's fault. */
export function parseAnswer<T>(schema: z.ZodType<T>, json: unknown, status = 200): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new NetworkError(
    502,
    `vCenter answered HTTP ${status} with a body the console does not understand`,
    "EBADSHAPE",
    true,
  );
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Builds a query string with repeated keys, as vCenter's list filters expect. */
export function query(params: Record<string, string | readonly string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of typeof value === "string" ? [value] : value) search.append(key, item);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
