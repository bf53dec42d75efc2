import "server-only";

import { request } from "undici";
import type { z } from "zod";

import { notifyVcenterCall } from "./call-observers";
import { NetworkError, parseErrorBody, toNetworkError, VcenterError } from "./errors";
import type { EnvironmentRuntime } from "./runtime";

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
    const text = await res.body.text();
    if (status >= 400)
      throw new VcenterError(status, parseErrorBody(text, header(res.headers["content-type"])));
    const json: unknown = text === "" ? undefined : JSON.parse(text);
    return call.schema ? call.schema.parse(json) : (json as T);
  } catch (err) {
    if (err instanceof VcenterError) throw err;
    if (status === 0) throw toNetworkError(err, timeoutMs, true);
    if (err instanceof SyntaxError)
      throw new NetworkError(
        502,
        `vCenter sent a body that is not JSON (HTTP ${status})`,
        "EBADBODY",
        true,
      );
    throw err;
  } finally {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log?.({ method, path: call.path.split("?")[0], status, ms });
    notifyVcenterCall(runtime.config.id, method, call.path, status, ms);
  }
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
