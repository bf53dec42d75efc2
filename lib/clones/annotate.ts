import "server-only";

import { history } from "@/lib/history/store";
import type { Operation } from "@/lib/schemas/operation";

/** A submission with what happened after it: its guest's readiness and its deletion, if any. */
export async function withAfterlife(operation: Operation): Promise<Operation> {
  if (operation.state !== "succeeded") return operation;
  const store = history();
  const madeAt = Date.parse(operation.ended_at ?? operation.started_at);
  const [guest, deletion] = await Promise.all([
    store.guests.get(operation.id, operation.spec.source, madeAt),
    store.deletions.latest(operation.id),
  ]);
  return { ...operation, ...(guest ? { guest } : {}), ...(deletion ? { deletion } : {}) };
}
