import "server-only";

import { createHash } from "node:crypto";

import type { VcenterContext } from "@/lib/vcenter/context";
import { VcenterError } from "@/lib/vcenter/errors";
import { currentUser } from "@/lib/vcenter/session";

import { revokeSession } from "./revoked-sessions";

// Routes that answer from the console's own store (the history, an idempotent replay) never ask
// vCenter anything, so a session vCenter has ended would read on for the cookie's 12 hours.
// They ask vCenter first whether it still honours the session; a yes is remembered for
// CHECK_TTL_MS, so a page of reads costs one call. A no revokes the session for good.

const CHECK_TTL_MS = 30_000;
const MAX_REMEMBERED = 5_000;

const holder = globalThis as { __iccLiveSessions?: Map<string, number> };
const honouredUntil = (holder.__iccLiveSessions ??= new Map());

const keyOf = (env: string, token: string) =>
  createHash("sha256").update(`${env}\n${token}`).digest("base64url");

/**
 * Throws vCenter's 401 (and revokes the session) when vCenter no longer honours the session.
 * When vCenter cannot be asked (unreachable, 5xx) the read goes ahead: the console's own
 * revocations (logout) are checked on every request regardless.
 */
export async function assertSessionHonoured(env: string, vcenter: VcenterContext): Promise<void> {
  const key = keyOf(env, vcenter.session);
  const now = Date.now();
  if ((honouredUntil.get(key) ?? 0) > now) return;
  try {
    await currentUser(vcenter.runtime, vcenter.session, vcenter.log);
  } catch (err) {
    if (err instanceof VcenterError && err.status === 401) {
      honouredUntil.delete(key);
      await revokeSession(env, vcenter.session);
      throw err;
    }
    return;
  }
  if (honouredUntil.size >= MAX_REMEMBERED)
    honouredUntil.delete(honouredUntil.keys().next().value!);
  honouredUntil.set(key, now + CHECK_TTL_MS);
}
