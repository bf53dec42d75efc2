import "server-only";

import { checkOutcome } from "@/lib/clones/settle";
import { history } from "@/lib/history/store";
import { ConsoleError } from "@/lib/http/console-error";
import type { OperatorSession } from "@/lib/http/session-cookie";
import type { VcenterContext } from "@/lib/vcenter/context";

import { batchStore } from "./batch-store";
import { readBatch } from "./read";
import { isRunning, startBatch } from "./runner";
import { sealForBatch } from "./sealed-session";

import { noSuchBatch as notFound } from "./route-params";

async function ownBatch(env: string, id: string, operator: OperatorSession) {
  const summary = await batchStore().summary(env, id);
  if (!summary) throw notFound(id);
  if (summary.user !== operator.user)
    throw new ConsoleError(403, `This batch belongs to ${summary.user}; only they can change it`);
  return summary;
}

const runsSomewhere = async (id: string) =>
  isRunning(id) || ((await batchStore().owner(id))?.ownedElsewhere ?? false);

/** Queued clones are not sent; running ones finish and are recorded. */
export async function cancelBatch(env: string, id: string, operator: OperatorSession) {
  const summary = await ownBatch(env, id, operator);
  if (summary.state !== "running") return;
  const store = batchStore();
  await store.setState(id, "cancelled");
  await store.closePending(id, { state: "cancelled" });
  // The run (here or on another instance) drops the session itself when it ends.
  if (!(await runsSomewhere(id))) await store.setSession(id, null);
}

/**
 * Sends the failed clones again with the operator's current session. Unknown ones are settled
 * by the run before anything is sent (the runner settles every unknown item first).
 */
export async function retryBatch(
  ctx: VcenterContext,
  env: string,
  id: string,
  operator: OperatorSession,
) {
  await ownBatch(env, id, operator);
  if (await runsSomewhere(id))
    throw new ConsoleError(
      409,
      "This batch is still running: retry its failed clones when it ends",
    );
  // Unknown clones get one lookup by evidence now; those still unknown are left alone, never resent.
  for (const item of (await readBatch(env, id))?.items ?? []) {
    const open =
      item.state === "unknown" && item.operation && (await history().open(item.operation));
    if (open) await checkOutcome(ctx, open);
  }
  const summary = (await readBatch(env, id))!;
  if (summary.counts.failed === 0)
    throw new ConsoleError(409, "This batch has no failed clones to retry");
  const store = batchStore();
  await store.setSession(id, await sealForBatch(env, operator));
  await store.requeueFailed(id);
  await store.setState(id, "running");
  startBatch(id);
}
