import "server-only";

import { history } from "@/lib/history/store";
import type { Operation } from "@/lib/schemas/operation";

/** A submission with what happened after it: its guest's readiness and its deletion, if any. */
export function withAfterlife(operation: Operation): Operation {
  if (operation.state !== "succeeded") return operation;
  const store = history();
  const madeAt = Date.parse(operation.ended_at ?? operation.started_at);
  const guest = store.guests.get(operation.id, operation.spec.source, madeAt);
  const deletion = store.deletions.latest(operation.id);
  return { ...operation, ...(guest ? { guest } : {}), ...(deletion ? { deletion } : {}) };
}
