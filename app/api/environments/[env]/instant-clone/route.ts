import { z } from "zod";

import { keepSourceIdentity, readSourceIdentity } from "@/lib/clones/source-identity";
import { withOperator } from "@/lib/http/env-route";
import { readJsonObject } from "@/lib/http/read-json";
import { outcomeResponse } from "@/lib/history/outcome-response";
import { submitClone } from "@/lib/history/submit-clone";
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
  // Best effort, for the identity clash warning: the source's hostname and IP, read beside the
  // clone (cloning does not change the source), so the submission is recorded without waiting.
  const [sourceIdentity, { operation, replayed }] = await Promise.all([
    readSourceIdentity(vcenter, spec.source),
    submitClone(vcenter, { env: envId, user: operator.user, spec, idempotencyKey }),
  ]);
  if (operation.state === "succeeded" && !replayed)
    keepSourceIdentity(operation.id, sourceIdentity);
  return outcomeResponse(operation);
});
