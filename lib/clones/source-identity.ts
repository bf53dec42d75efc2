import "server-only";

import { history, type SourceIdentity } from "@/lib/history/store";
import type { VcenterContext } from "@/lib/vcenter/context";
import { getGuestIdentity } from "@/lib/vcenter/guest";

// The source's hostname and IP, read just before cloning, so the console can later tell when
// a clone woke up with its source's identity. Best effort: it never delays a clone for long or
// fails it.

const READ_TIMEOUT_MS = 5000;

export async function readSourceIdentity(
  ctx: VcenterContext,
  source: string,
): Promise<SourceIdentity | undefined> {
  try {
    const identity = await getGuestIdentity(ctx, source, READ_TIMEOUT_MS);
    return identity && (identity.host_name || identity.ip_address) ? identity : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the source identity beside the clone's submission, once the clone is made. */
export async function keepSourceIdentity(
  operation: string,
  identity: SourceIdentity | undefined,
): Promise<void> {
  if (identity) await history().guests.recordSource(operation, identity);
}
