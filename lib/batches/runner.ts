import "server-only";

import { checkOutcome, stoppedBeforeSending } from "@/lib/clones/settle";
import { submitClone } from "@/lib/clones/submit-clone";
import { keepSourceIdentity, readSourceIdentity } from "@/lib/clones/source-identity";
import { environmentRuntime } from "@/lib/config/runtime";
import type { OperatorSession } from "@/lib/http/session-cookie";
import { history, type SourceIdentity } from "@/lib/history/store";
import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { Operation } from "@/lib/schemas/operation";
import { isStopping, trackWork } from "@/lib/service/in-flight";
import type { VcenterContext } from "@/lib/vcenter/context";

import { batchStore } from "./batch-store";
import { acquireCloneSlot, DEFAULT_MAX_CONCURRENT_CLONES } from "./env-limit";
import { openForBatch } from "./sealed-session";
import type { BatchWork, ItemOutcome } from "./store";

// Runs batches on the server. Each clone goes through lib/clones' submitClone under an
// idempotency key of its own attempt, so it is sent at most once even across a restart (the
// key answers the recorded operation instead of sending again). An uncertain outcome stays
// "unknown" in the batch until lib/clones' settling decides it from evidence; it is never resent.

const runs = ((globalThis as { __iccBatchRuns?: Map<string, Promise<void>> }).__iccBatchRuns ??=
  new Map());

/**
 * Starts running a batch in the background unless it already runs in this process, or another
 * live instance runs it (several instances on PostgreSQL: that one finishes it).
 */
export function startBatch(id: string): void {
  if (runs.has(id)) return;
  const run = ownedRun(id)
    .catch((err: unknown) =>
      console.error(JSON.stringify({ batch: id, error: String((err as Error)?.stack ?? err) })),
    )
    .finally(() => runs.delete(id));
  runs.set(id, run);
}

export const isRunning = (id: string): boolean => runs.has(id);

/** For a graceful shutdown (the service's shutdown hook): the batch runs under way here. */
export const batchRunsInFlight = (): Promise<void>[] => [...runs.values()];

export const itemKey = (batch: string, item: Pick<BatchWork, "index" | "attempt">) =>
  `batch-${batch}-${item.index}-${item.attempt}`;

const sessionGone = (): ApiErrorBody => ({
  origin: "console",
  status: 401,
  message:
    "The operator's vCenter session for this batch is gone (the console could not open it): log in and retry the failed clones",
});

interface Run {
  id: string;
  env: string;
  ctx: VcenterContext;
  operator: OperatorSession;
  max: number;
  /** The source's hostname and IP, read once per run: a clone that reports them clashes (issue 13). */
  sourceIdentity?: Promise<SourceIdentity | undefined>;
}

// A run owns its batch from start to end; ending, it lets go, so that whatever is left (a
// retry that came in meanwhile, clones a stopping console did not send) is adopted by whichever
// instance looks next (lib/batches/recovery.ts).
async function ownedRun(id: string): Promise<void> {
  const store = batchStore();
  if (!(await store.own(id))) return;
  try {
    await runBatch(id);
  } finally {
    await store.release(id);
  }
}

async function runBatch(id: string): Promise<void> {
  const store = batchStore();
  const owner = await store.owner(id);
  if (!owner) return;
  const runtime = await environmentRuntime(owner.env);
  const session = await openForBatch(owner.env, owner.sealedSession);
  if (!runtime || !session || session.user !== owner.user) {
    await store.closePending(id, { state: "failed", error: sessionGone() });
    await recordInFlight(id, owner.env);
    return finish(id);
  }
  const run: Run = {
    id,
    env: owner.env,
    ctx: { runtime, session: session.token },
    operator: session,
    max: runtime.config.maxConcurrentClones ?? DEFAULT_MAX_CONCURRENT_CLONES,
  };
  // Clones a stopped (or dead) console left in flight come first: answered from the history,
  // never resent.
  for (const item of await store.itemsIn(id, ["running"])) await resumeItem(run, item);
  const summary = await store.summary(owner.env, id);
  if (summary) run.sourceIdentity = readSourceIdentity(run.ctx, summary.source);
  let unauthenticated = false;
  const worker = async () => {
    // A stopping console claims nothing more; the batch resumes at the next start.
    while (!unauthenticated && !isStopping()) {
      const release = await acquireCloneSlot(run.env, run.max);
      try {
        const item = await store.claimNext(id);
        if (!item) return;
        const outcome = await send(run, item);
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

async function send(run: Run, item: BatchWork, resuming = false): Promise<ItemOutcome | void> {
  // The stop's grace waits for it; refused once stopping, the item stays claimed but unsent,
  // and its key finds no operation at the next start, so it is sent then, once.
  const { operation, replayed } = await trackWork("batch", () =>
    submitClone(run.ctx, {
      env: run.env,
      operator: run.operator,
      spec: item.spec,
      idempotencyKey: itemKey(run.id, item),
      requestId: `batch-${run.id}`,
    }),
  );
  await batchStore().setOperation(run.id, item.index, operation.id);
  if (operation.state === "succeeded" && !replayed)
    await keepSourceIdentity(operation.id, await run.sourceIdentity);
  if (resuming && replayed) return settleResumed(run, item, operation);
  return record(run.id, item.index, operation);
}

// A clone a stopped (or dead) console left in flight: with its operation known, the item takes
// that operation's state; without, submitClone under the same key either finds the recorded
// operation, or finds none: then the clone was never sent, and is sent now, once.
async function resumeItem(run: Run, item: BatchWork): Promise<void> {
  const op = item.operation ? await history().get(run.env, item.operation) : undefined;
  if (op) return settleResumed(run, item, op);
  const release = await acquireCloneSlot(run.env, run.max);
  try {
    await send(run, item, true);
  } finally {
    release();
  }
}

// An operation of unknown outcome (its sender stopped or died mid-call) gets one lookup by
// evidence first, so what is already known is recorded before the batch sends anything more.
// One its sender stopped before sending was surely never sent: queued again as a new attempt,
// whether the history's settle worker has already called it not made, is looking it up right
// now, or has not come to it yet (the lookup below then settles it).
async function settleResumed(run: Run, item: BatchWork, op: Operation): Promise<void> {
  const open = await history().open(op.id);
  const current = open?.operation ?? op;
  const settled = open && current.state === "unknown" ? await checkOutcome(run.ctx, open) : current;
  if (open && stoppedBeforeSending(open)) return batchStore().requeueItem(run.id, item.index);
  await record(run.id, item.index, settled);
}

// No session to send with: items left running take their operation's state, or stay unknown.
async function recordInFlight(id: string, env: string): Promise<void> {
  for (const item of await batchStore().itemsIn(id, ["running"])) {
    const op = item.operation ? await history().get(env, item.operation) : undefined;
    if (op) await record(id, item.index, op);
    else await batchStore().finishItem(id, item.index, { state: "unknown" });
  }
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

const isUnauthenticated = (outcome: ItemOutcome | void): outcome is ItemOutcome =>
  outcome !== undefined &&
  outcome.state === "failed" &&
  outcome.error?.origin === "vcenter" &&
  outcome.error.status === 401;

async function finish(id: string): Promise<void> {
  const store = batchStore();
  const owner = await store.owner(id);
  if (!owner) return;
  if ((await store.itemsIn(id, ["pending", "running"])).length > 0) return;
  await store.setSession(id, null);
  if (owner.state === "running") await store.setState(id, "done");
}
