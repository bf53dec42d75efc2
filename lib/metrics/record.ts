import "server-only";

import type { Operation } from "@/lib/schemas/operation";

import { consoleMetrics, metricsEnabled } from "./registry";

// What other parts of the console call to count things; each is a no-op with metrics off.

/** A clone whose outcome is now recorded (succeeded, failed or unknown). */
export function countClone(operation: Operation): void {
  if (!metricsEnabled()) return;
  const labels = { environment: operation.env, outcome: operation.state };
  const m = consoleMetrics();
  m.clones.inc(labels);
  if (operation.duration_ms !== undefined)
    m.cloneSeconds.observe(labels, operation.duration_ms / 1000);
}

/** A deletion of a clone the console made, with its outcome and how long it took. */
export function countDeletion(env: string, outcome: string, seconds: number): void {
  if (!metricsEnabled()) return;
  const m = consoleMetrics();
  m.deletions.inc({ environment: env, outcome });
  m.deletionSeconds.observe({ environment: env, outcome }, seconds);
}

/** An inventory cache lookup answered from the cache (hit) or not (miss). */
export function countCacheLookup(env: string, result: "hit" | "miss"): void {
  if (metricsEnabled()) consoleMetrics().cacheLookups.inc({ environment: env, result });
}

/** How many batches this instance runs now (batches do not exist yet: stays 0). */
export function setBatchesRunning(count: number): void {
  if (metricsEnabled()) consoleMetrics().batchesRunning.set(count);
}
