import { type AttemptCount, handBack, MAX_ATTEMPTS, reserve, stillMatters } from "./policy";
import type { AttemptStore } from "./attempt-store";

export const MAX_TRACKED = 10_000;

/**
 * The counts in this process's memory, at most `capacity` of them. When full, a flood of other
 * names makes room only among counts that no longer matter, then among the oldest unlocked ones
 * with the fewest attempts: an active lock is never forgotten to make room, so no flood lifts it.
 * (Locked counts beyond the capacity are kept; each cost an attacker eight refused logins.)
 */
export class MemoryAttemptStore implements AttemptStore {
  private readonly counts = new Map<string, AttemptCount>();

  constructor(private readonly capacity = MAX_TRACKED) {}

  async reserve(key: string, now: number) {
    const before = this.counts.get(key);
    const { count, reservation } = reserve(before, now);
    this.counts.delete(key); // re-inserted last: the Map's order is the order of use
    this.counts.set(key, count);
    if (!before && this.counts.size > this.capacity) this.makeRoom(key, now);
    return reservation;
  }

  async handBack(key: string) {
    const count = this.counts.get(key);
    if (count) this.counts.set(key, handBack(count));
  }

  async clear(key: string) {
    this.counts.delete(key);
  }

  /** How many counts are held (for tests). */
  get size() {
    return this.counts.size;
  }

  private makeRoom(keep: string, now: number) {
    for (const [key, count] of this.counts)
      if (key !== keep && !stillMatters(count, now)) this.counts.delete(key);
    // Still full: forget a tenth of the capacity at once (so a flood pays this scan rarely),
    // the unlocked counts with the fewest attempts first, the oldest first among equals.
    if (this.counts.size <= this.capacity) return;
    const target = this.capacity - Math.ceil(this.capacity / 10);
    for (let fewest = 0; fewest <= MAX_ATTEMPTS && this.counts.size > target; fewest++)
      for (const [key, count] of this.counts) {
        if (this.counts.size <= target) break;
        if (key !== keep && count.lockedUntil <= now && count.attempts <= fewest)
          this.counts.delete(key);
      }
  }
}
