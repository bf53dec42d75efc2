import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type { Deletion, DeletionState } from "@/lib/schemas/deletion";
import type { CloneGuest, ReadinessState } from "@/lib/schemas/guest";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { Operation, OperationState } from "@/lib/schemas/operation";

// The history of submissions and what came after them (the guest's readiness, the deletion).
// Two implementations behind this one interface: SQLite in the data folder (the default, one
// process) and PostgreSQL (CONSOLE_DATABASE_URL, several instances); store.ts picks one.

/**
 * How long a settle lookup may hold its operation (due() and finish("unknown") claim it; the
 * lookup's record releases it): longer than a lookup takes (reads time out after 30 s at most).
 * A claim whose instance is gone is free at once.
 */
export const SETTLE_CLAIM_MS = 60_000;

/** An operation whose outcome is not known yet, with what settling it needs. */
export interface OpenOperation {
  operation: Operation;
  /** Ids of the VMs with the requested name just before it was sent; absent if never sent. */
  namesBefore?: string[];
  /** The operator's session, sealed with the console's secret, while the outcome is open. */
  sealedSession?: string;
  /** From then "not made" may be concluded; absent when the console stopped mid-call. */
  settleAfter?: number;
  /** Lookups made so far. */
  checks: number;
}

export interface NewOperation {
  env: string;
  user: string;
  spec: InstantCloneSpec;
  idempotencyKey?: string;
  /** Kept while the outcome is open, so it can be settled in the background. */
  sealedSession?: string;
}

export interface OperationOutcome {
  state: Exclude<OperationState, "pending">;
  vm?: string;
  error?: ApiErrorBody;
  settledBy?: "lookup" | "startup";
  /** Unknown only: when "not made" may be concluded, and when to look next. */
  settleAfter?: number;
  nextCheck?: number;
}

export interface SourceIdentity {
  host_name?: string;
  ip_address?: string;
}

/** How far each clone's guest got (waiting, ready, not ready in time), and its source's identity. */
export interface CloneGuestStore {
  /** The source's hostname and IP as read just before the clone was sent. */
  recordSource(operation: string, source: SourceIdentity): Promise<void>;
  /** Keeps the state reached; "ready" is never taken back, and its first moment is kept. */
  recordState(
    operation: string,
    state: ReadinessState,
    seen: { host_name?: string; ip_address?: string; at: number; timeoutSeconds: number },
  ): Promise<void>;
  /** The source identity read before the clone, if any. */
  source(operation: string): Promise<SourceIdentity | undefined>;
  /** The guest as the history keeps it, for a clone that succeeded at `cloneEndedAt` (ms). */
  get(operation: string, source: string, cloneEndedAt: number): Promise<CloneGuest | undefined>;
  /** get() of each of these clones in one read (a page of the history), by operation. */
  getMany(
    clones: { operation: string; source: string; cloneEndedAt: number }[],
  ): Promise<Map<string, CloneGuest>>;
}

export interface DeletionOutcome {
  state: Exclude<DeletionState, "pending">;
  alreadyGone?: boolean;
  error?: ApiErrorBody;
  settledBy?: "lookup";
}

/** Deletions of clones: who asked, when, and what came of it. */
export interface DeletionStore {
  /**
   * Records a deletion before anything is sent. A clone has at most one deletion under way or
   * done: when there is one, it is answered instead and `created` is false.
   */
  begin(input: {
    env: string;
    user: string;
    vm: string;
    cloneOperation: string;
  }): Promise<{ deletion: Deletion; created: boolean }>;
  finish(id: string, outcome: DeletionOutcome): Promise<Deletion>;
  get(id: string): Promise<Deletion | undefined>;
  /** The clone's deletion under way, of unknown outcome or done; else its latest failed one. */
  latest(cloneOperation: string): Promise<Deletion | undefined>;
  /** latest() of each of these clones in one read (a page of the history), by clone operation. */
  latestOf(cloneOperations: string[]): Promise<Map<string, Deletion>>;
  /** This operator's deletions whose outcome nobody knows yet. */
  unknown(env: string, user: string): Promise<Deletion[]>;
}

export interface OperationStore {
  /** After the clone: its guest's readiness, and its deletion. */
  readonly guests: CloneGuestStore;
  readonly deletions: DeletionStore;

  /** Resolves once the store answers on its migrated schema; rejects otherwise (readiness). */
  ping(): Promise<void>;
  /** Records a submission before it is sent; with an idempotency key already used (by any
   * instance), answers that one instead. */
  begin(input: NewOperation): Promise<{ operation: Operation; created: boolean }>;
  /**
   * Records an outcome. Succeeded and failed are final: the sealed session is deleted. Unknown:
   * the caller looks it up next, so other instances' settle workers leave it alone meanwhile.
   */
  finish(id: string, outcome: OperationOutcome): Promise<Operation>;
  /** The ids of the VMs that already had the requested name, just before sending. */
  recordNamesBefore(id: string, vms: string[]): Promise<void>;
  open(id: string): Promise<OpenOperation | undefined>;
  /**
   * Open outcomes whose next lookup is due and that hold a session to make it with, claimed by
   * this instance until its lookup is recorded (scheduleCheck, finish, sessionRefused): two
   * instances never get the same one at once.
   */
  due(now: number, limit?: number): Promise<OpenOperation[]>;
  /** Counts one more lookup and sets the next one. */
  scheduleCheck(id: string, nextCheck: number): Promise<void>;
  /** vCenter no longer honours the kept session: drop it and wait for the operator's next one. */
  sessionRefused(id: string, fingerprint?: string): Promise<void>;
  /** Hands this operator's new session to their open outcomes that wait for one (unless it is
   * the one vCenter refused); answers how many. */
  adoptSession(
    env: string,
    user: string,
    sealed: string,
    fingerprint: string,
    now: number,
  ): Promise<number>;
  /** Whether this operator has open outcomes that wait for a session. */
  waitingForSession(env: string, user: string): Promise<boolean>;
  /** Of these VMs named `name`, those another operation of that name already owns. */
  claimed(env: string, name: string, vms: string[], except: string): Promise<string[]>;
  get(env: string, id: string): Promise<Operation | undefined>;
  /** Newest first. */
  list(
    env: string,
    filter: { state?: OperationState; limit: number; offset: number },
  ): Promise<{ items: Operation[]; total: number }>;
  /**
   * The latest submission that made this VM id, when this console recorded one as succeeded
   * here (a simulator that restarted hands out its ids again: the newest record is this VM's).
   */
  cloneOfVm(env: string, vm: string): Promise<Operation | undefined>;
  /** Operations whose outcome nobody knows yet, e.g. left pending by a console that stopped mid-call. */
  unsettled(env: string, user?: string): Promise<Operation[]>;
  /**
   * What was pending (operations and deletions) when the console that sent it stopped is now
   * of unknown outcome; answers how many.
   */
  markInterrupted(now?: number): Promise<number>;
  close(): Promise<void>;
}
