import "server-only";

import { deleteClone } from "@/lib/clones/delete-clone";
import { history } from "@/lib/history/store";
import { ConsoleError } from "@/lib/http/console-error";
import { errorBody } from "@/lib/http/error-response";
import type { OperatorSession } from "@/lib/http/session-cookie";
import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { BatchDeletionRun, BatchItemDeletion } from "@/lib/schemas/batch-deletion";
import type { BatchView } from "@/lib/schemas/batch-status";
import { isStopping, trackWork } from "@/lib/service/in-flight";
import type { VcenterContext } from "@/lib/vcenter/context";

import { batchStore } from "./batch-store";
import { noSuchBatch } from "./route-params";

// "Delete all clones" of a batch: every clone the batch made is deleted through deleteClone (only
// what the console made, at most once, each deletion an operation in the history) under the
// operator's own session, so vCenter's privileges decide. The run lives in this process while
// it goes; what each clone's deletion reached is read back from the history, so it outlives it.

/** A few at once, like a batch: vCenter's delete is a task of its own per VM. */
const DELETE_CONCURRENCY = 4;

interface Run {
  running: boolean;
  cancelled: boolean;
  /** Refused before vCenter (not a clone it made, renamed, the console stopping): by item index. */
  refused: Map<number, ApiErrorBody>;
  /** Not sent because the run was cancelled. */
  notSent: Set<number>;
}

const runs = ((globalThis as { __iccBatchDeletions?: Map<string, Run> }).__iccBatchDeletions ??=
  new Map());

/** Starts deleting the batch's clones (joins a run already under way); answers at once. */
export async function deleteBatch(
  ctx: VcenterContext,
  env: string,
  id: string,
  operator: OperatorSession,
): Promise<void> {
  const batch = await batchStore().get(env, id);
  if (!batch) throw noSuchBatch(id);
  if (runs.get(id)?.running) return;
  if (batch.counts.pending + batch.counts.running > 0)
    throw new ConsoleError(
      409,
      "This batch is still making clones: cancel it or let it end, then delete its clones",
    );
  const targets = batch.items.filter((item) => item.state === "succeeded" && item.vm);
  if (targets.length === 0) throw new ConsoleError(409, "This batch made no clones to delete");
  const run: Run = { running: true, cancelled: false, refused: new Map(), notSent: new Set() };
  runs.set(id, run);
  // The request's own token is kept for the run; its upstream log ends with the request.
  const session: VcenterContext = { runtime: ctx.runtime, session: ctx.session };
  const queue = [...targets];
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      if (run.cancelled || isStopping()) {
        run.notSent.add(item.index);
        continue;
      }
      const vm = item.vm!;
      await trackWork("delete", () => deleteClone(session, { env, user: operator.user, vm })).catch(
        (err: unknown) => run.refused.set(item.index, errorBody(err)),
      );
    }
  };
  void Promise.all(Array.from({ length: DELETE_CONCURRENCY }, worker)).finally(() => {
    run.running = false;
  });
}

/** Stops a batch's deletion: deletions already sent finish, the rest are not sent. */
export function cancelBatchDeletion(id: string): void {
  const run = runs.get(id);
  if (run?.running) run.cancelled = true;
}

/** The batch's name pattern, which the person types to delete its clones (none for a list). */
function patternOf(request: string | undefined): string | undefined {
  try {
    const names = (JSON.parse(request ?? "{}") as { names?: unknown }).names;
    if (names && typeof names === "object" && !Array.isArray(names) && "pattern" in names)
      return String((names as { pattern: unknown }).pattern);
  } catch {
    // An unreadable request: the page asks for the count instead.
  }
  return undefined;
}

/** The batch with each made clone's deletion and the deletion run, as the batch page shows them. */
export async function withDeletions(env: string, batch: BatchView): Promise<BatchView> {
  const run = runs.get(batch.id);
  const items = await Promise.all(
    batch.items.map(async (item) => {
      const deletion = await itemDeletion(item.index, item.operation, run);
      return deletion ? { ...item, deletion } : item;
    }),
  );
  const pattern = patternOf(await batchStore().request(env, batch.id));
  const deletion: BatchDeletionRun = {
    running: run?.running ?? false,
    ...(run?.cancelled ? { cancelled: true } : {}),
    ...(pattern !== undefined ? { pattern } : {}),
  };
  return { ...batch, items, deletion };
}

async function itemDeletion(
  index: number,
  operation: string | undefined,
  run: Run | undefined,
): Promise<BatchItemDeletion | undefined> {
  const refused = run?.refused.get(index);
  if (refused) return { state: "refused", error: refused };
  const latest = operation ? await history().deletions.latest(operation) : undefined;
  if (latest)
    return { id: latest.id, state: latest.state, ...(latest.error ? { error: latest.error } : {}) };
  return run?.notSent.has(index) ? { state: "cancelled" } : undefined;
}
