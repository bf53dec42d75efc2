// The batch both batch benches send through a console (batch.ts, batch-stores.ts): BATCH_TOTAL
// clones of one source, BATCH_CONCURRENCY at a time, submitted to one console and watched on the
// same console or another one until the caller's `ended` says it is over.
import type { BatchSummary } from "@/lib/schemas/batch-status";

export const BATCH_TOTAL = Number(process.env.BATCH_TOTAL ?? 500);
export const BATCH_CONCURRENCY = 8;
export const BATCH_SOURCE = "vm-1008"; // golden-win2022: frozen, so 500 clones never reach the delta-disk limit

export interface ConsoleBatch {
  /** The console the batch is submitted to. */
  submitTo: string;
  /** The console whose batch list is watched (the same one, or another on a shared store). */
  watchOn: string;
  env: string;
  cookie: string;
  /** Names are `${prefix}-{n}`. */
  prefix: string;
  /** Whether the batch's line in the list says it is over. */
  ended: (summary: BatchSummary) => boolean;
}

/** Submits the batch and polls until it ends; the wall time counts from the submission. */
export async function runConsoleBatch(
  b: ConsoleBatch,
): Promise<{ id: string; summary: BatchSummary; wall: number }> {
  const path = `/api/environments/${b.env}/batches`;
  const headers = { cookie: b.cookie, "content-type": "application/json" };
  const started = performance.now();
  const res = await fetch(`${b.submitTo}${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      spec: { source: BATCH_SOURCE },
      names: { pattern: `${b.prefix}-{n}`, start: 0, count: BATCH_TOTAL },
      concurrency: BATCH_CONCURRENCY,
    }),
  });
  if (res.status !== 202) throw new Error(`batch: ${res.status} ${await res.text()}`);
  const { batch: id } = (await res.json()) as { batch: string };
  // The summary list, not the batch's 500 rows, so that watching costs the console little.
  for (;;) {
    const list = (await (await fetch(`${b.watchOn}${path}`, { headers })).json()) as {
      items: BatchSummary[];
    };
    const summary = list.items.find((item) => item.id === id)!;
    if (b.ended(summary)) return { id, summary, wall: performance.now() - started };
    await new Promise((r) => setTimeout(r, 100));
  }
}
