import "server-only";

import { history } from "@/lib/history/store";
import { ConsoleError } from "@/lib/http/console-error";
import { errorBody } from "@/lib/http/error-response";
import { logLine } from "@/lib/http/log";
import type { OperatorSession } from "@/lib/http/session-cookie";
import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { Operation } from "@/lib/schemas/operation";
import type { VcenterContext } from "@/lib/vcenter/context";
import { vmIdsNamed } from "@/lib/vcenter/find-vm";
import { instantClone } from "@/lib/vcenter/instant-clone";

import { sealKeptSession } from "./kept-session";
import { refusedBeforeActing } from "./refusals";
import { checkOutcome, nextInterval } from "./settle";

export interface SubmitInput {
  env: string;
  /** Whose vCenter session sends it; kept sealed with the operation while its outcome is
   * open, so it can be settled in the background. */
  operator: OperatorSession;
  spec: InstantCloneSpec;
  idempotencyKey?: string;
  /** Names this submission in the log (an HTTP request's id, or a batch's). */
  requestId: string;
}

// Submissions under way in this process, so a repeat of the same idempotency key waits for
// the first one's answer instead of calling vCenter again.
const inFlight = ((
  globalThis as { __iccInFlight?: Map<string, Promise<Operation>> }
).__iccInFlight ??= new Map());

/**
 * Records the submission, sends it to vCenter once, records the outcome only when it is known.
 * The same idempotency key always answers the same operation and never reaches vCenter twice.
 * Callers need not be HTTP requests: a batch runner calls it with a sealed session of its own.
 */
export async function submitClone(
  ctx: VcenterContext,
  input: SubmitInput,
): Promise<{ operation: Operation; replayed: boolean }> {
  const { operation, created } = await history().begin({
    env: input.env,
    user: input.operator.user,
    spec: input.spec,
    idempotencyKey: input.idempotencyKey,
    sealedSession: await sealKeptSession(input.env, input.operator),
  });
  if (!created) {
    if (JSON.stringify(operation.spec) !== JSON.stringify(input.spec))
      throw new ConsoleError(422, "This Idempotency-Key was already used for a different request", {
        "Idempotency-Key":
          "Already used for a different request: use a new key for a new submission",
      });
    const running = inFlight.get(operation.id);
    return { operation: running ? await running : operation, replayed: true };
  }
  const done = send(ctx, operation.id, input);
  inFlight.set(operation.id, done);
  try {
    return { operation: await done, replayed: false };
  } finally {
    inFlight.delete(operation.id);
  }
}

async function send(ctx: VcenterContext, id: string, input: SubmitInput): Promise<Operation> {
  const store = history();
  const { spec } = input;
  // The evidence for later: which VMs already have this name. Without it nothing is sent.
  try {
    await store.recordNamesBefore(id, await vmIdsNamed(ctx, spec.name));
  } catch (err) {
    return finishFailed(id, err, input);
  }
  try {
    const vm = await instantClone(ctx, spec);
    return await store.finish(id, { state: "succeeded", vm });
  } catch (err) {
    if (refusedBeforeActing(err)) return finishFailed(id, err, input);
    // It may have been delivered: unknown until evidence settles it. One look right away (a
    // clone already there is answered as made); "not made" only after the settle window.
    const error: ApiErrorBody = { ...errorBody(err), operation: id };
    const now = Date.now();
    await store.finish(id, {
      state: "unknown",
      error,
      settleAfter: now + ctx.runtime.timeouts.clone,
      nextCheck: now + nextInterval(0),
    });
    logOutcome(input, id, "unknown", error, err);
    return await checkOutcome(ctx, (await store.open(id))!);
  }
}

function finishFailed(id: string, err: unknown, input: SubmitInput): Promise<Operation> {
  const error: ApiErrorBody = { ...errorBody(err), operation: id };
  logOutcome(input, id, "failed", error, err);
  return history().finish(id, { state: "failed", error });
}

// One line per submission that did not succeed at once, under the request's id; the stack
// only for errors that are neither vCenter's nor the network's (a bug of the console).
function logOutcome(
  input: SubmitInput,
  id: string,
  outcome: string,
  error: ApiErrorBody,
  err: unknown,
): void {
  const unexpected = error.origin === "console" && error.status >= 500;
  logLine({
    kind: unexpected ? "error" : "clone",
    request_id: input.requestId,
    env: input.env,
    user: input.operator.user,
    operation: id,
    outcome,
    status: error.status,
    ...(error.cause ? { cause: error.cause } : {}),
    error: unexpected ? String((err as Error)?.stack ?? err) : error.message,
  });
}
