// The rule of the login throttle, apart from where its counts are kept (memory today, the
// database once several instances share the work), so every store applies the same rule.
//
// Each attempt is counted when it starts, before it reaches vCenter: parallel guesses see each
// other's counts and cannot overshoot the lock. From the third attempt on, each waits a little
// more; an attempt beyond MAX_ATTEMPTS locks the pair (client, user) for LOCK_MS. A right password
// clears the count; an attempt vCenter never judged (unreachable, 5xx) is handed back.

export const SLOW_AFTER = 2;
export const STEP_MS = 200;
export const MAX_DELAY_MS = 2_000;
export const MAX_ATTEMPTS = 8;
export const LOCK_MS = 10 * 60_000;
export const FORGET_MS = 30 * 60_000;

export interface AttemptCount {
  /** Attempts counted and not handed back: failures and those still waiting for vCenter. */
  attempts: number;
  /** Epoch ms until which every attempt is refused; 0 when not locked. */
  lockedUntil: number;
  /** Epoch ms of the last attempt. */
  last: number;
}

export type Reservation =
  { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

/** The count after one more attempt at `now`, and whether that attempt may go ahead. */
export function reserve(
  count: AttemptCount | undefined,
  now: number,
): { count: AttemptCount; reservation: Reservation } {
  if (count && count.lockedUntil > now)
    return { count, reservation: { allowed: false, retryAfterMs: count.lockedUntil - now } };
  // A lock that ran out, or a count not touched for FORGET_MS, starts again from nothing.
  const current =
    count && count.lockedUntil === 0 && now - count.last <= FORGET_MS
      ? count
      : { attempts: 0, lockedUntil: 0, last: now };
  if (current.attempts >= MAX_ATTEMPTS) {
    const locked = { ...current, lockedUntil: now + LOCK_MS, last: now };
    return { count: locked, reservation: { allowed: false, retryAfterMs: LOCK_MS } };
  }
  const delayMs = Math.min(MAX_DELAY_MS, Math.max(0, current.attempts - SLOW_AFTER + 1) * STEP_MS);
  return {
    count: { attempts: current.attempts + 1, lockedUntil: 0, last: now },
    reservation: { allowed: true, delayMs },
  };
}

/** The count once an attempt vCenter never judged is handed back. */
export const handBack = (count: AttemptCount): AttemptCount => ({
  ...count,
  attempts: Math.max(0, count.attempts - 1),
});

/** Whether a count still matters at `now` (locked, or recent enough to be remembered). */
export const stillMatters = (count: AttemptCount, now: number) =>
  count.lockedUntil > now || now - count.last <= FORGET_MS;
