import "server-only";

import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";

import { Agent } from "undici";

import type { EnvironmentRuntime as VcenterRuntime } from "@/lib/vcenter/runtime";

import type { EnvironmentConfig } from "./environment-schema";
import { environments, findEnvironment } from "./environments";

/** What the vCenter client needs to reach one environment, with the whole environment entry. */
export interface EnvironmentRuntime extends VcenterRuntime {
  config: EnvironmentConfig;
  dispatcher: Agent;
}

const DEFAULT_CLONE_TIMEOUT_MS = 120_000;
const DEFAULT_READ_TIMEOUT_MS = 30_000;

// Next.js may load this module more than once (route bundles, instrumentation): keep the
// started simulators and agents on globalThis so each environment gets exactly one.
const registry = ((
  globalThis as { __iccRuntimes?: Map<string, Promise<EnvironmentRuntime>> }
).__iccRuntimes ??= new Map());

export function environmentRuntime(id: string): Promise<EnvironmentRuntime> | undefined {
  const config = findEnvironment(id);
  if (!config) return undefined;
  let runtime = registry.get(id);
  if (!runtime) {
    runtime = createRuntime(config);
    registry.set(id, runtime);
    runtime.catch(() => registry.delete(id));
  }
  return runtime;
}

/** Starts every simulator environment; called once at server start-up. */
export async function startAllEnvironments(): Promise<void> {
  await Promise.all(environments().map((env) => environmentRuntime(env.id)));
}

async function createRuntime(config: EnvironmentConfig): Promise<EnvironmentRuntime> {
  const timeoutMs = config.timeoutMs ?? DEFAULT_CLONE_TIMEOUT_MS;
  const timeouts = { clone: timeoutMs, read: Math.min(timeoutMs, DEFAULT_READ_TIMEOUT_MS) };
  if (config.simulator) {
    const { startSimulator } = await import("@/lib/simulator");
    // Its control path is off: nothing but this console may reach into it (tokens, faults).
    const sim = await startSimulator({ ...config.simulator, quiet: true, control: false });
    return { config, baseUrl: sim.url, dispatcher: makeAgent(sim.caPem, false), timeouts };
  }
  const ca = config.caFile ? readFileSync(config.caFile, "utf8") : undefined;
  return {
    config,
    baseUrl: config.url!.replace(/\/+$/, ""),
    dispatcher: makeAgent(ca, config.insecure),
    timeouts,
  };
}

// One agent per environment: its CA is added for that environment only, and `insecure`
// never switches verification off for the rest of the process.
function makeAgent(ca: string | undefined, insecure = false): Agent {
  return new Agent({
    keepAliveTimeout: 30_000,
    connections: 64,
    connect: {
      ...(ca ? { ca: [...rootCertificates, ca] } : {}),
      rejectUnauthorized: !insecure,
    },
  });
}
