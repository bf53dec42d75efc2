import { forgetVm } from "@/lib/inventory/vms";
import "server-only";

import { ConsoleError } from "@/lib/http/console-error";
import { errorBody } from "@/lib/http/error-response";
import { history } from "@/lib/history/store";
import { countDeletion } from "@/lib/metrics/record";
import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { Deletion } from "@/lib/schemas/deletion";
import type { VcenterContext } from "@/lib/vcenter/context";
import { NetworkError, VcenterError } from "@/lib/vcenter/errors";
import { deleteVm, getVm, powerOff } from "@/lib/vcenter/vm";

// "Only what we made": the console deletes a VM only when it is a clone this console recorded
// as made in that environment, and only under the operator's own vCenter session (vCenter's
// privileges decide the rest). Each deletion is recorded before anything is sent and reaches
// vCenter at most once; a batch deletes its clones by calling deleteClone for each.

const inFlight = ((
  globalThis as { __iccDeletions?: Map<string, Promise<Deletion>> }
).__iccDeletions ??= new Map());

export interface DeleteInput {
  env: string;
  user: string;
  vm: string;
}

/** Powers the clone off and deletes it; answers the deletion as the history records it. */
export async function deleteClone(ctx: VcenterContext, input: DeleteInput): Promise<Deletion> {
  const clone = await history().cloneOfVm(input.env, input.vm);
  if (!clone)
    throw new ConsoleError(
      403,
      `${input.vm} is not a clone this console made in this environment: the console deletes only the clones it recorded as made`,
    );
  const earlier = await history().deletions.latest(clone.id);
  if (earlier && earlier.state !== "failed") return answerExisting(ctx, earlier);
  // The id must still name the clone the console made (ids can come back, e.g. after a
  // simulator restart; a renamed VM is no longer what the history describes).
  const current = await getVm(ctx, input.vm).catch((err: unknown) =>
    gone(err) ? undefined : Promise.reject(err),
  );
  if (current && current.name !== clone.spec.name)
    throw new ConsoleError(
      409,
      `${input.vm} is now named "${current.name}", not "${clone.spec.name}" as the clone this console made: it is not deleted`,
    );
  const { deletion, created } = await history().deletions.begin({
    env: input.env,
    user: input.user,
    vm: input.vm,
    cloneOperation: clone.id,
  });
  if (!created) return answerExisting(ctx, deletion);
  const done = (
    current
      ? run(ctx, deletion.id, input.vm)
      : history().deletions.finish(deletion.id, { state: "succeeded", alreadyGone: true })
  ).then((finished) => {
    // Gone from vCenter: gone from this operator's cached inventory too.
    if (finished.state === "succeeded") forgetVm(input.env, input.user, input.vm);
    countDeletion(input.env, finished.state, (finished.duration_ms ?? 0) / 1000);
    return finished;
  });
  inFlight.set(deletion.id, done);
  try {
    return await done;
  } finally {
    inFlight.delete(deletion.id);
  }
}

/** A deletion already recorded: joined while under way, looked up when its outcome is unknown. */
async function answerExisting(ctx: VcenterContext, deletion: Deletion): Promise<Deletion> {
  if (deletion.state === "unknown") return settleDeletion(ctx, deletion);
  return (deletion.state === "pending" && inFlight.get(deletion.id)) || deletion;
}

const gone = (err: unknown) => err instanceof VcenterError && err.errorType === "NOT_FOUND";

async function run(ctx: VcenterContext, id: string, vm: string): Promise<Deletion> {
  const deletions = history().deletions;
  let poweredOff = false;
  try {
    await powerOff(ctx, vm);
    poweredOff = true;
    await deleteVm(ctx, vm);
    return await deletions.finish(id, { state: "succeeded" });
  } catch (err) {
    if (gone(err)) return await deletions.finish(id, { state: "succeeded", alreadyGone: true });
    const body = errorBody(err);
    const error: ApiErrorBody = {
      ...body,
      operation: id,
      message: poweredOff
        ? `${vm} was powered off, but not deleted: ${body.message}`
        : `${vm} was not deleted: ${body.message}`,
    };
    if (err instanceof NetworkError && err.maybeDelivered) {
      const unknown = await deletions.finish(id, { state: "unknown", error });
      return settleDeletion(ctx, unknown);
    }
    return await deletions.finish(id, { state: "failed", error });
  }
}

/**
 * A deletion whose answer was lost: look the VM up. Gone means deleted; still there means not
 * deleted (vCenter's REST delete answers only when its task ends). Unreachable: stays unknown.
 */
export async function settleDeletion(ctx: VcenterContext, deletion: Deletion): Promise<Deletion> {
  const deletions = history().deletions;
  const error = deletion.error ?? {
    origin: "console" as const,
    status: 503,
    message: `The console stopped before vCenter answered the deletion of ${deletion.vm}`,
    operation: deletion.id,
  };
  try {
    await getVm(ctx, deletion.vm);
    return await deletions.finish(deletion.id, {
      state: "failed",
      error: { ...error, message: `${error.message}. The console looked it up: still there.` },
      settledBy: "lookup",
    });
  } catch (err) {
    if (gone(err))
      return await deletions.finish(deletion.id, { state: "succeeded", settledBy: "lookup" });
    return deletion;
  }
}

/** Settles this operator's deletions of unknown outcome (read paths call it, as for clones). */
export async function settleUnknownDeletions(
  ctx: VcenterContext,
  env: string,
  user: string,
): Promise<void> {
  for (const deletion of await history().deletions.unknown(env, user))
    await settleDeletion(ctx, deletion);
}
