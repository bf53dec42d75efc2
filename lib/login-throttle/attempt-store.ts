import type { Reservation } from "./policy";

/**
 * Where the throttle keeps its counts. Each method is one atomic step, so a store shared by
 * several console instances (PostgreSQL, with a row lock per key) can implement it as it stands.
 */
export interface AttemptStore {
  /** Counts one attempt for `key` before it is tried; says whether it may go ahead. */
  reserve(key: string, now: number): Promise<Reservation>;
  /** The attempt got no verdict from vCenter (unreachable, 5xx): it no longer counts. */
  handBack(key: string): Promise<void>;
  /** The right password: the count for `key` starts again. */
  clear(key: string): Promise<void>;
}
