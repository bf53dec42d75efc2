import "server-only";

import type { EnvironmentRuntime } from "./runtime";

import { type UpstreamLog, vcenterFetch } from "./client";
import { VcenterError } from "./errors";

/**
 * vCenter 7.0 U2 and later serve `/api`; 7.0 and 7.0 U1 only the deprecated `/rest` (bodies
 * wrapped in {"spec"}, maps as key/value arrays, `filter.` list keys, answers in {"value"}).
 * This folder speaks /api everywhere and translates here, so nothing outside it knows.
 */
export type ApiFlavour = "api" | "rest";

const detected = ((
  globalThis as { __iccFlavours?: Map<string, Promise<ApiFlavour>> }
).__iccFlavours ??= new Map());

/** The environment's flavour: as configured, or asked once (an anonymous GET /api/session) and remembered. */
export function apiFlavour(runtime: EnvironmentRuntime, log?: UpstreamLog): Promise<ApiFlavour> {
  const setting = runtime.config.api ?? "auto";
  if (setting !== "auto") return Promise.resolve(setting);
  const key = `${runtime.config.id}\n${runtime.baseUrl}`;
  let flavour = detected.get(key);
  if (!flavour) {
    flavour = detect(runtime, log);
    detected.set(key, flavour);
    flavour.catch(() => detected.delete(key)); // unreachable now: ask again next time
  }
  return flavour;
}

async function detect(runtime: EnvironmentRuntime, log?: UpstreamLog): Promise<ApiFlavour> {
  try {
    await vcenterFetch(runtime, { path: "/api/session" }, log);
    return "api";
  } catch (err) {
    if (err instanceof VcenterError && err.status === 401) return "api"; // /api is there, wants a login
    if (err instanceof VcenterError && err.status === 404) return "rest";
    throw err;
  }
}

/** `/api/vcenter/vm?names=a` → `/rest/vcenter/vm?filter.names=a` (`action` stays as it is). */
export function toRestPath(apiPath: string): string {
  const [path, search = ""] = apiPath.split("?", 2);
  const out = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(search))
    out.append(key === "action" ? key : `filter.${key}`, value);
  const query = out.toString();
  return `/rest${path.slice("/api".length)}${query ? `?${query}` : ""}`;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A map as /rest writes it: [{"key", "value"}]. */
export const toPairs = (map: Json | undefined) =>
  map === undefined ? undefined : Object.entries(map).map(([key, value]) => ({ key, value }));

/** Turns every key/value array among `fields` of an object back into a map. */
export function fromPairs(value: unknown, fields: readonly string[]): unknown {
  if (!isRecord(value)) return value;
  const out: Json = { ...value };
  for (const field of fields) {
    const pairs = out[field];
    if (Array.isArray(pairs) && pairs.every((p) => isRecord(p) && typeof p.key === "string"))
      out[field] = Object.fromEntries(pairs.map((p: Json) => [p.key, p.value]));
  }
  return out;
}
