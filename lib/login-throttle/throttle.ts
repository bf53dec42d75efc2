import "server-only";

import { ConsoleError } from "@/lib/http/console-error";

import { usesPostgres } from "@/lib/db/postgres";

import type { AttemptStore } from "./attempt-store";
import { MAX_TRACKED, MemoryAttemptStore } from "./memory-store";
import { PgAttemptStore } from "./pg-store";
import { userKey } from "./user-key";

/** 429: this client has guessed this user's password too often; Retry-After says for how long. */
export class TooManyLogins extends ConsoleError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      `Too many failed logins for this user: try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    );
  }
}

// One store for every route bundle of the process (Next.js may load this module more than once):
// in PostgreSQL when several instances share it, else in this process's memory.
const holder = globalThis as { __iccLoginAttempts?: AttemptStore };
export const attemptStore = (): AttemptStore =>
  (holder.__iccLoginAttempts ??= usesPostgres()
    ? new PgAttemptStore()
    : new MemoryAttemptStore(trackedCapacity()));

// CONSOLE_LOGIN_TRACKED bounds the memory the counts take (the e2e suite sets it low, so that a
// flood past it takes a few hundred logins rather than ten thousand).
function trackedCapacity(): number {
  const value = Number(process.env.CONSOLE_LOGIN_TRACKED ?? MAX_TRACKED);
  return Number.isInteger(value) && value >= 100 ? value : MAX_TRACKED;
}

/** What the login route reports once vCenter has answered (or not). */
export interface LoginAttempt {
  /** vCenter refused the password: the attempt stays counted. */
  failed(): Promise<void>;
  /** vCenter gave no verdict (unreachable, 5xx): the attempt is handed back. */
  unjudged(): Promise<void>;
  /** The right password: this client's count for this user starts again. */
  succeeded(): Promise<void>;
}

/**
 * Counts a login attempt of `client` as `username` before it is sent to vCenter, waits as long
 * as the earlier failures say, or refuses with TooManyLogins.
 */
export async function beginLogin(
  env: string,
  client: string,
  username: string,
): Promise<LoginAttempt> {
  const store = attemptStore();
  const key = `${env}\n${client}\n${userKey(username)}`;
  const reservation = await store.reserve(key, Date.now());
  if (!reservation.allowed) throw new TooManyLogins(Math.ceil(reservation.retryAfterMs / 1000));
  if (reservation.delayMs > 0)
    await new Promise((resolve) => setTimeout(resolve, reservation.delayMs));
  return {
    failed: async () => {},
    unjudged: () => store.handBack(key),
    succeeded: () => store.clear(key),
  };
}
