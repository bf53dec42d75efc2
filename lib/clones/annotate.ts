import "server-only";

import { history } from "@/lib/history/store";
import type { Operation } from "@/lib/schemas/operation";

const madeAt = (operation: Operation) => Date.parse(operation.ended_at ?? operation.started_at);

/** A submission with what happened after it: its guest's readiness and its deletion, if any. */
export async function withAfterlife(operation: Operation): Promise<Operation> {
  if (operation.state !== "succeeded") return operation;
  const store = history();
  const [guest, deletion] = await Promise.all([
    store.guests.get(operation.id, operation.spec.source, madeAt(operation)),
    store.deletions.latest(operation.id),
  ]);
  return { ...operation, ...(guest ? { guest } : {}), ...(deletion ? { deletion } : {}) };
}

/** withAfterlife for a page of the history, in two reads whatever the page's length. */
export async function withAfterlives(operations: Operation[]): Promise<Operation[]> {
  const made = operations.filter((operation) => operation.state === "succeeded");
  if (made.length === 0) return operations;
  const store = history();
  const [guests, deletions] = await Promise.all([
    store.guests.getMany(
      made.map((op) => ({ operation: op.id, source: op.spec.source, cloneEndedAt: madeAt(op) })),
    ),
    store.deletions.latestOf(made.map((op) => op.id)),
  ]);
  return operations.map((operation) => {
    const guest = guests.get(operation.id);
    const deletion = deletions.get(operation.id);
    return { ...operation, ...(guest ? { guest } : {}), ...(deletion ? { deletion } : {}) };
  });
}
