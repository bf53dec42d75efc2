import "server-only";

import { consoleMetrics, metricsEnabled } from "@/lib/metrics/registry";

import { markStarted } from "./readiness";
import { installShutdown } from "./shutdown";

/** After the environments and history are up: take over stop signals, start metrics, be ready. */
export function startService(): void {
  try {
    installShutdown();
  } catch (err) {
    console.error(`The console cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  // Created now so vCenter calls are observed from the first one on.
  if (metricsEnabled()) consoleMetrics();
  markStarted();
}
