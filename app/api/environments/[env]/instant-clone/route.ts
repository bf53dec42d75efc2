import { outcomeResponse } from "@/lib/clones/outcome-response";
import { resumeSettling } from "@/lib/clones/settle-worker";
import { submitClone } from "@/lib/clones/submit-clone";
import { keepSourceIdentity, readSourceIdentity } from "@/lib/clones/source-identity";
import { ConsoleError } from "@/lib/http/console-error";
import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noQuery } from "@/lib/http/query-params";
import { readJsonObject } from "@/lib/http/read-json";
import { countClone } from "@/lib/metrics/record";
import { rememberClone } from "@/lib/inventory/vms";
import { instantCloneSpecSchema } from "@/lib/schemas/instant-clone";
import { trackWork } from "@/lib/service/in-flight";
import { assertSessionHonoured } from "@/lib/session/live-session";

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/** The Idempotency-Key header, refused under its own name (it is not part of the body). */
function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.headers.get("idempotency-key");
  if (key === null) return undefined;
  if (!IDEMPOTENCY_KEY.test(key))
    throw new ConsoleError(400, "Idempotency-Key must be 8 to 100 letters, digits, - or _", {
      "Idempotency-Key": "Must be 8 to 100 letters, digits, - or _",
    });
  return key;
}

// POST /api/environments/{env}/instant-clone – check the spec, record it, instant-clone once in vCenter
export const POST = withOperator(async ({ req, envId, operator, vcenter, requestId }) => {
  noQuery(req);
  const idempotencyKey = idempotencyKeyOf(req);
  const spec = instantCloneSpecSchema.parse(await readJsonObject(req));
  void resumeSettling(envId, operator);
  // Refused with 503 once the console is stopping; otherwise the stop waits for it. Beside the
  // clone, best effort, for the identity clash warning: the source's hostname and IP (cloning
  // does not change the source, so the submission is recorded without waiting for it).
  const [sourceIdentity, { operation, replayed }] = await trackWork("clone", () =>
    Promise.all([
      readSourceIdentity(vcenter, spec.source),
      submitClone(vcenter, { env: envId, operator, spec, idempotencyKey, requestId }),
    ]),
  );
  if (!replayed) countClone(operation);
  // A clone made here is in this operator's cached inventory at once.
  if (operation.state === "succeeded" && operation.vm)
    rememberClone(envId, operator.user, spec, operation.vm);
  if (operation.state === "succeeded" && !replayed)
    await keepSourceIdentity(operation.id, sourceIdentity);
  // A replay is answered from the history and never reached vCenter: before handing it over,
  // ask vCenter whether it still honours the session (a dead session reads nothing).
  if (replayed) await assertSessionHonoured(envId, vcenter);
  return outcomeResponse(operation, requestId);
});

export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
