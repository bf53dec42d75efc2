import "server-only";

import { settleByLookup, submitClone } from "@/lib/clones/submit-clone";
import { environmentRuntime } from "@/lib/config/runtime";
import { history } from "@/lib/history/store";
import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { Operation } from "@/lib/schemas/operation";
import type { VcenterContext } from "@/lib/vcenter/context";

import { batchStore } from "./batch-store";
import { acquireCloneSlot, DEFAULT_MAX_CONCURRENT_CLONES } from "./env-limit";
import { openForBatch } from "./sealed-session";
import type { BatchWork, ItemOutcome } from "./store";

// Runs batches on the server: each clone goes through lib/clones' submitClone under an
// idempotency key of its own attempt, so a clone is sent at most once even across a restart
// (the key answers the recorded operation instead of sending again), and an uncertain outcome
// is settled by lookup before the batch moves on.

const runs = ((globalThis as { __iccBatchRuns?: Map<string, Promise<void>> }).__iccBatchRuns ??=
  new Map());

/** Starts running a batch in the background unless it already runs in this process. */
export function startBatch(id: string): void {
  if (runs.has(id)) return;
  const run = runBatch(id)
    .catch((err: unknown) =>
      console.error(JSON.stringify({ batch: id, error: String((err as Error)?.stack ?? err) })),
    )
    .finally(() => runs.delete(id));
  runs.set(id, run);
}

export const isRunning = (id: string): boolean => runs.has(id);

/** For a graceful shutdown: the batch runs still under way in this process. */
export const batchRunsInFlight = (): Promise<void>[] => [...runs.values()];

export const itemKey = (batch: string, item: Pick<BatchWork, "index" | "attempt">) =>
  `batch-${batch}-${item.index}-${item.attempt}`;

const sessionGone = (): ApiErrorBody => ({
  origin: "console",
  status: 401,
  message:
    "The operator's vCenter session for this batch is gone (the console could not open it): log in and retry the failed clones",
});

async function runBatch(id: string): Promise<void> {
  const store = batchStore();
  const owner = await store.owner(id);
  if (!owner) return;
  const runtime = await environmentRuntime(owner.env);
  const session = await openForBatch(owner.env, owner.sealedSession);
  if (!runtime || !session) {
    await settleNothingSent(id);
    await store.closePending(id, { state: "failed", error: sessionGone() });
    return finish(id);
  }
  const ctx: VcenterContext = { runtime, session: session.token };
  const user = owner.user;
  // Clones a stopped console left in flight come first: settled, never resent blindly.
  const max = runtime.config.maxConcurrentClones ?? DEFAULT_MAX_CONCURRENT_CLONES;
  for (const item of await store.itemsIn(id, ["running", "unknown"]))
    await settle(ctx, owner.env, user, id, item, max);
  const summary = await store.summary(owner.env, id);
  let unauthenticated = false;
  const worker = async () => {
    while (!unauthenticated) {
      const release = await acquireCloneSlot(owner.env, max);
      try {
        const item = await store.claimNext(id);
        if (!item) return;
        const outcome = await send(ctx, owner.env, user, id, item);
        if (isUnauthenticated(outcome)) {
          unauthenticated = true;
          // vCenter no longer honours the session: the clones not yet sent fail with its answer.
          await store.closePending(id, outcome);
        }
      } finally {
        release();
      }
    }
  };
  await Promise.all(Array.from({ length: summary?.concurrency ?? 1 }, worker));
  return finish(id);
}

// Items left running with no console to settle them and no session: their outcome is unknown.
async function settleNothingSent(id: string): Promise<void> {
  const store = batchStore();
  for (const item of await store.itemsIn(id, ["running"]))
    await store.finishItem(id, item.index, { state: "unknown" });
}

async function send(
  ctx: VcenterContext,
  env: string,
  user: string,
  id: string,
  item: BatchWork,
): Promise<ItemOutcome> {
  const { operation, replayed } = await submitClone(ctx, {
    env,
    user,
    spec: item.spec,
    idempotencyKey: itemKey(id, item),
  });
  await batchStore().setOperation(id, item.index, operation.id);
  const settled = replayed ? await settleOperation(ctx, operation) : operation;
  return record(id, item.index, settled);
}

// A clone a stopped console left in flight. With its operation known, that operation is settled;
// without, submitClone under the same key either finds the recorded operation (and it is
// settled) or finds none, and then the clone was never sent and is sent now, once.
async function settle(
  ctx: VcenterContext,
  env: string,
  user: string,
  id: string,
  item: BatchWork,
  max: number,
): Promise<void> {
  const op = item.operation ? history().get(env, item.operation) : undefined;
  if (op) {
    await record(id, item.index, await settleOperation(ctx, op));
    return;
  }
  const release = await acquireCloneSlot(env, max);
  try {
    await send(ctx, env, user, id, item);
  } finally {
    release();
  }
}

async function settleOperation(ctx: VcenterContext, op: Operation): Promise<Operation> {
  if (op.state !== "pending" && op.state !== "unknown") return op;
  const error: ApiErrorBody = op.error ?? {
    origin: "console",
    status: 503,
    message: "The console stopped before vCenter answered",
    operation: op.id,
  };
  return settleByLookup(ctx, op.id, op.spec, error, op.error ? "lookup" : "startup");
}

async function record(id: string, index: number, op: Operation): Promise<ItemOutcome> {
  const outcome: ItemOutcome =
    op.state === "succeeded"
      ? { state: "succeeded", vm: op.vm }
      : op.state === "failed"
        ? { state: "failed", error: op.error }
        : { state: "unknown", error: op.error };
  await batchStore().finishItem(id, index, outcome);
  return outcome;
}

const isUnauthenticated = (outcome: ItemOutcome) =>
  outcome.state === "failed" && outcome.error?.origin === "vcenter" && outcome.error.status === 401;

async function finish(id: string): Promise<void> {
  const store = batchStore();
  const owner = await store.owner(id);
  if (!owner) return;
  if ((await store.itemsIn(id, ["pending", "running"])).length > 0) return; // cancelled mid-way: still draining
  await store.setSession(id, null);
  if (owner.state === "running") await store.setState(id, "done");
}
