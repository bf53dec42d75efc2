import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { readJsonObject } from "@/lib/http/read-json";
import { outcomeResponse } from "@/lib/history/outcome-response";
import { submitClone } from "@/lib/history/submit-clone";
import { rememberClone } from "@/lib/inventory/vms";
import { instantCloneSpecSchema } from "@/lib/schemas/instant-clone";

const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, {
    error: "Idempotency-Key must be 8 to 100 letters, digits, - or _",
  })
  .optional();

// POST /api/environments/{env}/instant-clone – check the spec, record it, instant-clone once in vCenter
export const POST = withOperator(async ({ req, envId, operator, vcenter }) => {
  const idempotencyKey = idempotencyKeySchema.parse(
    req.headers.get("idempotency-key") ?? undefined,
  );
  const spec = instantCloneSpecSchema.parse(await readJsonObject(req));
  const { operation } = await submitClone(vcenter, {
    env: envId,
    user: operator.user,
    spec,
    idempotencyKey,
  });
  if (operation.state === "succeeded" && operation.vm)
    rememberClone(envId, operator.user, spec, operation.vm);
  return outcomeResponse(operation);
});
