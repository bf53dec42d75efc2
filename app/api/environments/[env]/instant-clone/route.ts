import { z } from "zod";

import { outcomeResponse } from "@/lib/clones/outcome-response";
import { resumeSettling } from "@/lib/clones/settle-worker";
import { submitClone } from "@/lib/clones/submit-clone";
import { withOperator } from "@/lib/http/env-route";
import { readJsonObject } from "@/lib/http/read-json";
import { instantCloneSpecSchema } from "@/lib/schemas/instant-clone";

const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,100}$/, {
    error: "Idempotency-Key must be 8 to 100 letters, digits, - or _",
  })
  .optional();

// POST /api/environments/{env}/instant-clone – check the spec, record it, instant-clone once in vCenter
export const POST = withOperator(async ({ req, envId, operator, vcenter, requestId }) => {
  const idempotencyKey = idempotencyKeySchema.parse(
    req.headers.get("idempotency-key") ?? undefined,
  );
  const spec = instantCloneSpecSchema.parse(await readJsonObject(req));
  void resumeSettling(envId, operator);
  const { operation } = await submitClone(vcenter, {
    env: envId,
    operator,
    spec,
    idempotencyKey,
    requestId,
  });
  return outcomeResponse(operation, requestId);
});
