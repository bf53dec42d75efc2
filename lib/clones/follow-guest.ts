import "server-only";

import { history } from "@/lib/history/store";
import type { Guest, ReadinessState } from "@/lib/schemas/guest";
import type { VcenterContext } from "@/lib/vcenter/context";
import { readGuest } from "@/lib/vcenter/guest";

/** Ansible's vmware_guest waits 300 s for Tools by default; so does the console. */
export const DEFAULT_READY_TIMEOUT_SECONDS = 300;

/**
 * One look at a VM's guest. For a clone this console made, the state reached (waiting, ready,
 * not ready within the environment's readyTimeoutSeconds) is kept in the history, with an
 * identity clash against its source when there is one. Called only while a page is looking:
 * nothing polls vCenter in the background.
 */
export async function followGuest(
  ctx: VcenterContext,
  env: string,
  vm: string,
  readyTimeoutSeconds = DEFAULT_READY_TIMEOUT_SECONDS,
): Promise<Guest> {
  const report = await readGuest(ctx, vm);
  const guest: Guest = {
    tools: report.tools,
    ...(report.identity?.host_name ? { host_name: report.identity.host_name } : {}),
    ...(report.identity?.ip_address ? { ip_address: report.identity.ip_address } : {}),
    ...(report.interfaces ? { interfaces: report.interfaces } : {}),
    ready: report.identity !== undefined,
  };
  const clone = await history().cloneOfVm(env, vm);
  if (!clone) return guest;
  const timeoutSeconds = readyTimeoutSeconds;
  const madeAt = Date.parse(clone.ended_at ?? clone.started_at);
  const now = Date.now();
  const state: ReadinessState = guest.ready
    ? "ready"
    : now - madeAt > timeoutSeconds * 1000
      ? "not_ready"
      : "waiting";
  await history().guests.recordState(clone.id, state, {
    host_name: guest.host_name,
    ip_address: guest.ip_address,
    at: now,
    timeoutSeconds,
  });
  const kept = await history().guests.get(clone.id, clone.spec.source, madeAt);
  return kept ? { ...guest, clone: { operation: clone.id, ...kept } } : guest;
}
