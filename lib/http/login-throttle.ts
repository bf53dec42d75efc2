import "server-only";

import { ConsoleError } from "./console-error";

// Failed logins per client and user: from the third on, each answer is slowed a little more;
// after MAX_FAILURES the pair is refused (429) for LOCK_MS. A success clears the count.
const SLOW_AFTER = 2;
const STEP_MS = 200;
const MAX_DELAY_MS = 2_000;
const MAX_FAILURES = 8;
const LOCK_MS = 10 * 60_000;
const FORGET_MS = 30 * 60_000;
const MAX_TRACKED = 10_000;

interface Entry {
  failures: number;
  lockedUntil: number;
  last: number;
}

const entries = ((globalThis as { __iccLoginThrottle?: Map<string, Entry> }).__iccLoginThrottle ??=
  new Map());

const keyOf = (env: string, client: string, user: string) =>
  `${env}\n${client}\n${user.toLowerCase()}`;

/** Waits as long as this client's failures for this user say, or refuses with 429. */
export async function beforeLogin(env: string, client: string, user: string): Promise<void> {
  const entry = entries.get(keyOf(env, client, user));
  if (!entry) return;
  const now = Date.now();
  if (now - entry.last > FORGET_MS) return void entries.delete(keyOf(env, client, user));
  if (entry.lockedUntil > now) {
    const minutes = Math.ceil((entry.lockedUntil - now) / 60_000);
    throw new ConsoleError(
      429,
      `Too many failed logins for this user: try again in ${minutes} min`,
    );
  }
  const delay = Math.min(MAX_DELAY_MS, Math.max(0, entry.failures - SLOW_AFTER + 1) * STEP_MS);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
}

export function loginFailed(env: string, client: string, user: string): void {
  const key = keyOf(env, client, user);
  const entry = entries.get(key) ?? { failures: 0, lockedUntil: 0, last: 0 };
  entry.failures += 1;
  entry.last = Date.now();
  if (entry.failures >= MAX_FAILURES) entry.lockedUntil = entry.last + LOCK_MS;
  entries.set(key, entry);
  if (entries.size > MAX_TRACKED) entries.delete(entries.keys().next().value!);
}

export function loginSucceeded(env: string, client: string, user: string): void {
  entries.delete(keyOf(env, client, user));
}

/** The client's address as the server saw it (Next.js sets x-forwarded-for from the socket). */
export function clientAddress(req: Request): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
