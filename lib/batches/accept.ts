import "server-only";

import { ConsoleError } from "@/lib/http/console-error";
import type { OperatorSession } from "@/lib/http/session-cookie";
import { batchRequestSchema } from "@/lib/schemas/batch";
import type { VcenterContext } from "@/lib/vcenter/context";

import { batchStore } from "./batch-store";
import { cloneSpecs } from "./clone-specs";
import { startBatch } from "./runner";
import { sealForBatch } from "./sealed-session";
import { takenNames } from "./taken-names";

/**
 * Checks a batch request whole (body, names, MAC ranges, names already taken), records it with
 * every clone's spec and the operator's sealed session, and starts it. Nothing reaches vCenter's
 * clone call before all of that holds.
 */
export async function acceptBatch(
  ctx: VcenterContext,
  input: { env: string; operator: OperatorSession; body: unknown; idempotencyKey?: string },
): Promise<{ id: string; created: boolean }> {
  const request = batchRequestSchema.parse(input.body);
  const result = cloneSpecs(request);
  if ("field" in result)
    throw new ConsoleError(400, `${result.field}: ${result.message}`, {
      [result.field]: result.message,
    });
  const canonical = JSON.stringify(request);
  const store = batchStore();
  const earlier = input.idempotencyKey
    ? await store.byKey(input.env, input.operator.user, input.idempotencyKey)
    : undefined;
  if (earlier) {
    if (earlier.request !== canonical) throw keyReused();
    return { id: earlier.id, created: false };
  }
  await refuseTakenNames(
    ctx,
    result.specs.map((s) => s.name),
    request,
  );
  const {
    id,
    created,
    request: recorded,
  } = await store.create({
    env: input.env,
    user: input.operator.user,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    request: canonical,
    source: request.spec.source,
    concurrency: request.concurrency,
    specs: result.specs,
    sealedSession: await sealForBatch(input.env, input.operator),
  });
  if (!created && recorded !== canonical) throw keyReused();
  if (created) startBatch(id);
  return { id, created };
}

const keyReused = () =>
  new ConsoleError(422, "This Idempotency-Key was already used for a different request", {
    "Idempotency-Key": "Already used for a different request: use a new key for a new batch",
  });

async function refuseTakenNames(
  ctx: VcenterContext,
  names: string[],
  request: { spec: { placement?: { folder?: string } } },
): Promise<void> {
  const taken = await takenNames(ctx, names, request.spec.placement?.folder);
  if (taken.length === 0) return;
  const shown = taken
    .slice(0, 5)
    .map((n) => `"${n}"`)
    .join(", ");
  const more = taken.length > 5 ? ` and ${taken.length - 5} more` : "";
  const message = `${taken.length} name(s) already taken in the target folder: ${shown}${more}`;
  throw new ConsoleError(409, message, { names: message });
}
