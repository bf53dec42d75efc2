import "server-only";

import { history, type OpenOperation } from "@/lib/history/store";
import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { Operation } from "@/lib/schemas/operation";
import type { VcenterContext } from "@/lib/vcenter/context";
import { VcenterError } from "@/lib/vcenter/errors";
import { vmIdsNamed } from "@/lib/vcenter/find-vm";

// Lookups at growing intervals: 1 s, 2 s, 4 s … up to a minute apart (five when vCenter
// cannot be reached), and always one right at the end of the settle window.
const FIRST_INTERVAL_MS = 1_000;
const MAX_INTERVAL_MS = 60_000;
const MAX_UNREACHABLE_INTERVAL_MS = 5 * 60_000;

export const nextInterval = (checks: number, unreachable = false) =>
  Math.min(
    unreachable ? MAX_UNREACHABLE_INTERVAL_MS : MAX_INTERVAL_MS,
    FIRST_INTERVAL_MS * 2 ** Math.min(checks, 20),
  );

/** The error kept for a submission the console was sending when it stopped. */
export const interruptedError = (id: string): ApiErrorBody => ({
  origin: "network",
  status: 502,
  message: "The console stopped before vCenter answered",
  cause: "EINTERRUPTED",
  operation: id,
});

/**
 * From when "not made" may be concluded: vCenter may still finish a clone for as long as the
 * environment's timeout after its answer (or after the console stopped mid-call: the call could
 * have run a full timeout, then vCenter a full timeout more).
 */
export function settleAfter(open: OpenOperation, timeoutMs: number): number {
  return open.settleAfter ?? Date.parse(open.operation.started_at) + 2 * timeoutMs;
}

/**
 * Whether the clone's sender stopped before it sent anything: nothing is sent before the names
 * it had are recorded (submit-clone.ts), none are, and vCenter never answered. Surely not made,
 * however far its settling got: still unknown, or failed by check() below as interrupted. A
 * pending one is not (a live sender may be about to record them).
 */
export function stoppedBeforeSending(open: OpenOperation): boolean {
  const { state, error } = open.operation;
  if (open.namesBefore) return false;
  return state === "unknown" || (state === "failed" && error?.cause === "EINTERRUPTED");
}

// Lookups under way in this process, so the worker and a request never check one twice at once.
const checking = ((globalThis as { __iccSettling?: Set<string> }).__iccSettling ??= new Set());

/**
 * One lookup for an open outcome, by evidence only: a VM with the requested name that was not
 * there just before the clone was sent (and that no other operation owns) is this clone. "Not
 * made" only once the settle window is over. Otherwise it stays unknown, with the next lookup
 * set. Answers the operation as recorded afterwards.
 */
export async function checkOutcome(
  ctx: VcenterContext,
  open: OpenOperation,
  /** Of the session in ctx (sessionFingerprint), remembered if vCenter refuses it. */
  fingerprint?: string,
): Promise<Operation> {
  const { operation } = open;
  if (checking.has(operation.id)) return operation;
  checking.add(operation.id);
  try {
    return await check(ctx, open, fingerprint);
  } finally {
    checking.delete(operation.id);
  }
}

async function check(
  ctx: VcenterContext,
  open: OpenOperation,
  fingerprint?: string,
): Promise<Operation> {
  const { operation } = open;
  const store = history();
  // No error kept: the console stopped while the call was under way.
  const settledBy = operation.error ? "lookup" : "startup";
  const error = operation.error ?? interruptedError(operation.id);
  // Never sent (the console stopped before it could be): surely not made.
  if (!open.namesBefore)
    return await store.finish(operation.id, { state: "failed", error, settledBy });
  const lookedAt = Date.now();
  let found: string[];
  try {
    const named = await vmIdsNamed(ctx, operation.spec.name, operation.spec.placement?.folder);
    const fresh = named.filter((vm) => !open.namesBefore!.includes(vm));
    // Another submission of the same name may have made one of them (ids of other names are
    // no concern: a simulator that restarts gives ids out again).
    const owned = await store.claimed(operation.env, operation.spec.name, fresh, operation.id);
    found = fresh.filter((vm) => !owned.includes(vm));
  } catch (err) {
    if (err instanceof VcenterError && err.errorType === "UNAUTHENTICATED") {
      await store.sessionRefused(operation.id, fingerprint); // settled at the operator's next request
      return (await store.open(operation.id))!.operation;
    }
    await store.scheduleCheck(operation.id, Date.now() + nextInterval(open.checks, true));
    return (await store.open(operation.id))!.operation;
  }
  if (found.length === 1)
    return await store.finish(operation.id, { state: "succeeded", vm: found[0], settledBy });
  const windowEnd = settleAfter(open, ctx.runtime.timeouts.clone);
  // Two new namesakes: cannot tell which is this clone; keep looking (one may be claimed).
  if (found.length === 0 && lookedAt >= windowEnd)
    return await store.finish(operation.id, { state: "failed", error, settledBy });
  const next = Date.now() + nextInterval(open.checks);
  await store.scheduleCheck(operation.id, lookedAt < windowEnd ? Math.min(next, windowEnd) : next);
  return (await store.open(operation.id))!.operation;
}
