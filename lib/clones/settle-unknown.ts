import "server-only";

import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { VcenterContext } from "@/lib/vcenter/context";

import { settleByLookup } from "./submit-clone";
import { history } from "@/lib/history/store";

/**
 * Settles this operator's operations whose outcome is unknown (a dropped answer, or a console
 * that stopped mid-call) by looking their names up, with the operator's own session: the
 * console keeps no vCenter token of its own to do this at start-up.
 */
export async function settleUnknown(ctx: VcenterContext, env: string, user: string): Promise<void> {
  const open = history()
    .unsettled(env, user)
    .filter((op) => op.state === "unknown");
  for (const op of open) {
    const error: ApiErrorBody = op.error ?? {
      origin: "console",
      status: 503,
      message: "The console stopped before vCenter answered",
      operation: op.id,
    };
    await settleByLookup(ctx, op.id, op.spec, error, op.error ? "lookup" : "startup");
  }
}
