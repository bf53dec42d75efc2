import "server-only";

import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { Operation } from "@/lib/schemas/operation";
import { ConsoleError } from "@/lib/http/console-error";
import { errorBody } from "@/lib/http/error-response";
import type { VcenterContext } from "@/lib/vcenter/context";
import { NetworkError } from "@/lib/vcenter/errors";
import { findVmByName } from "@/lib/vcenter/find-vm";
import { instantClone } from "@/lib/vcenter/instant-clone";

import { history } from "@/lib/history/store";

// Submissions under way in this process, so a repeat of the same idempotency key waits for
// the first one's answer instead of calling vCenter again.
const inFlight = ((
  globalThis as { __iccInFlight?: Map<string, Promise<Operation>> }
).__iccInFlight ??= new Map());

/**
 * Records the submission, sends it to vCenter once, records the outcome. The same idempotency
 * key always answers the same operation and never reaches vCenter a second time.
 */
export async function submitClone(
  ctx: VcenterContext,
  input: { env: string; user: string; spec: InstantCloneSpec; idempotencyKey?: string },
): Promise<{ operation: Operation; replayed: boolean }> {
  const { operation, created } = history().begin(input);
  if (!created) {
    if (JSON.stringify(operation.spec) !== JSON.stringify(input.spec))
      throw new ConsoleError(422, "This Idempotency-Key was already used for a different request", {
        "Idempotency-Key":
          "Already used for a different request: use a new key for a new submission",
      });
    const running = inFlight.get(operation.id);
    return { operation: running ? await running : operation, replayed: true };
  }
  const done = send(ctx, operation.id, input.spec);
  inFlight.set(operation.id, done);
  try {
    return { operation: await done, replayed: false };
  } finally {
    inFlight.delete(operation.id);
  }
}

async function send(ctx: VcenterContext, id: string, spec: InstantCloneSpec): Promise<Operation> {
  try {
    const vm = await instantClone(ctx, spec);
    return history().finish(id, { state: "succeeded", vm });
  } catch (err) {
    const error: ApiErrorBody = { ...errorBody(err), operation: id };
    if (err instanceof NetworkError && err.maybeDelivered) {
      history().finish(id, { state: "unknown", error });
      return settleByLookup(ctx, id, spec, error);
    }
    return history().finish(id, { state: "failed", error });
  }
}

/** The request may have reached vCenter: look the name up to learn whether the clone exists. */
export async function settleByLookup(
  ctx: VcenterContext,
  id: string,
  spec: InstantCloneSpec,
  error: ApiErrorBody,
  settledBy: "lookup" | "startup" = "lookup",
): Promise<Operation> {
  try {
    const vm = await findVmByName(ctx, spec.name, spec.placement?.folder);
    return vm
      ? history().finish(id, { state: "succeeded", vm, settledBy })
      : history().finish(id, { state: "failed", error, settledBy });
  } catch {
    return history().get(ctx.runtime.config.id, id)!; // vCenter still unreachable: stays unknown
  }
}
