import "server-only";

import { history } from "@/lib/history/store";
import type { BatchItemView, BatchView } from "@/lib/schemas/batch-status";

import { batchStore } from "./batch-store";
import { withDeletions } from "./delete-batch";

/**
 * A batch as it stands. An unknown clone is whatever its history operation has since been
 * settled to (the history's settling decides, never the batch), copied back once known.
 */
export async function readBatch(env: string, id: string): Promise<BatchView | undefined> {
  const store = batchStore();
  const batch = await store.get(env, id);
  if (!batch) return undefined;
  let changed = false;
  for (const item of batch.items) {
    if (item.state !== "unknown" || !item.operation) continue;
    const op = await history().get(env, item.operation);
    if (op?.state === "succeeded" || op?.state === "failed") {
      await store.finishItem(id, item.index, {
        state: op.state,
        ...(op.vm ? { vm: op.vm } : {}),
        ...(op.error ? { error: op.error } : {}),
      });
      changed = true;
    }
  }
  const current = changed ? await store.get(env, id) : batch;
  return current && withDeletions(env, current);
}

const CSV_COLUMNS = ["index", "name", "state", "vm", "operation", "attempt", "error"] as const;

// Quoted always; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.
const cell = (value: unknown): string => {
  const text = value === undefined ? "" : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
};

export function batchCsv(batch: BatchView): string {
  const row = (item: BatchItemView) =>
    [
      item.index + 1,
      item.name,
      item.state,
      item.vm,
      item.operation,
      item.attempt,
      item.error?.message,
    ]
      .map(cell)
      .join(",");
  return [CSV_COLUMNS.join(","), ...batch.items.map(row)].join("\r\n") + "\r\n";
}
