import path from "node:path";
import { parseArgs } from "node:util";

import { startSimulator } from "./index";

// npm run simulator -- --port 8989 --vms 50000 --seed 1 --tls --ca-file ./sim-ca.pem --mode api
//   [--clone-ms 500] [--guest-ready-ms 400]

const { values } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8989" },
    vms: { type: "string", default: "40" },
    seed: { type: "string", default: "1" },
    tls: { type: "boolean", default: false },
    "ca-file": { type: "string" },
    mode: { type: "string", default: "api" },
    "session-idle-ms": { type: "string" },
    "clone-ms": { type: "string", default: "0" },
    "guest-ready-ms": { type: "string" },
    quiet: { type: "boolean", default: false },
    "list-cost-ms": { type: "string" },
  },
});

function number(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return value;
}

async function main(): Promise<void> {
  const mode = values.mode;
  if (mode !== "api" && mode !== "rest" && mode !== "legacy67")
    throw new Error(`--mode must be api, rest or legacy67, got "${mode}"`);
  const caFile = values.tls ? path.resolve(values["ca-file"] ?? "sim-ca.pem") : undefined;
  const sim = await startSimulator({
    host: values.host,
    port: number("port", values.port),
    vms: number("vms", values.vms),
    seed: number("seed", values.seed),
    tls: values.tls,
    caFile,
    mode,
    ...(values["session-idle-ms"]
      ? { sessionIdleMs: number("session-idle-ms", values["session-idle-ms"]) }
      : {}),
    cloneMs: number("clone-ms", values["clone-ms"]),
    ...(values["guest-ready-ms"]
      ? { guestReadyMs: number("guest-ready-ms", values["guest-ready-ms"]) }
      : {}),
    quiet: values.quiet,
    ...(values["list-cost-ms"] !== undefined
      ? { listCostMsPerItem: Number(values["list-cost-ms"]) }
      : {}),
  });
  console.log(`simulator listening on ${sim.url}${caFile ? ` (CA certificate: ${caFile})` : ""}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      sim.close().finally(() => process.exit(0));
    });
}

// No top-level await: tsx runs this file as CommonJS.
main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
