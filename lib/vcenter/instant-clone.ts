import "server-only";

import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

import { vcenterCall } from "./call";
import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";
import { toPairs } from "./flavour";
import { newVmIdSchema } from "./vcenter-schemas";

/**
 * Instant-clones a VM; answers the new VM's id. Never retried: instant clone is not
 * idempotent, and a resend could make a second running VM.
 */
export async function instantClone(ctx: VcenterContext, spec: InstantCloneSpec): Promise<string> {
  try {
    return await vcenterCall(ctx, {
      method: "POST",
      path: "/api/vcenter/vm?action=instant-clone",
      body: spec,
      restBody: { spec: restSpec(spec) },
      schema: newVmIdSchema,
      timeoutMs: ctx.runtime.timeouts.clone,
    });
  } catch (err) {
    throw tooOld(err) ?? err;
  }
}

const restSpec = (spec: InstantCloneSpec) => ({
  ...spec,
  nics_to_update: toPairs(spec.nics_to_update),
  serial_ports_to_update: toPairs(spec.serial_ports_to_update),
  parallel_ports_to_update: toPairs(spec.parallel_ports_to_update),
});

// vCenter before 7.0 has no instant clone over REST, and says so in several ways (FACTS.md §6):
// "Found unexpected fields [action]", OPERATION_NOT_FOUND, or the router's 404 for the path.
function tooOld(err: unknown): VcenterError | undefined {
  if (!(err instanceof VcenterError)) return undefined;
  const routerNotFound =
    err.status === 404 && "name" in err.body && String(err.body.name).includes("httpNotFound");
  const unexpectedAction =
    err.errorType === "UNEXPECTED_INPUT" && /unexpected fields \[action\]/i.test(err.message);
  if (!routerNotFound && !unexpectedAction && err.errorType !== "OPERATION_NOT_FOUND")
    return undefined;
  return new VcenterError(
    err.status,
    err.body,
    `Instant clone over REST needs vCenter 7.0 or later; this vCenter answered: ${err.message}`,
  );
}
