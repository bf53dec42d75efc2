import "server-only";

import type { ApiErrorBody } from "@/lib/schemas/api-error";
import type {
  BatchItemState,
  BatchItemView,
  BatchState,
  BatchSummary,
  BatchView,
} from "@/lib/schemas/batch-status";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

// The batch store's contract, kept by SQLite (one instance) and PostgreSQL (several instances on
// one database). Nothing here knows about vCenter or the runner.
//
// Several instances: each item is claimed by exactly one of them (claimNext), and a batch that
// is still running is owned by one instance, the only one that resumes its in-flight clones.
// Another instance adopts it only once the owner is gone (its heartbeat older than the lease).

export interface NewBatch {
  env: string;
  user: string;
  idempotencyKey?: string;
  /** The request as accepted, compared when an idempotency key comes again. */
  request: string;
  source: string;
  concurrency: number;
  specs: InstantCloneSpec[];
  sealedSession: string;
}

/** One clone of a batch as the runner needs it. */
export interface BatchWork {
  index: number;
  name: string;
  spec: InstantCloneSpec;
  attempt: number;
  operation?: string;
}

export interface ItemOutcome {
  state: Exclude<BatchItemState, "pending" | "running">;
  vm?: string;
  error?: ApiErrorBody;
}

export interface BatchOwner {
  env: string;
  user: string;
  sealedSession?: string;
  state: BatchState;
  /** Another live instance runs it (PostgreSQL only): this one must leave it alone. */
  ownedElsewhere: boolean;
}

export interface BatchStore {
  /** Records a batch and its items; an idempotency key already used answers that batch. */
  create(input: NewBatch): Promise<{ id: string; created: boolean; request: string }>;
  /** The batch an idempotency key already made, if any. */
  byKey(
    env: string,
    user: string,
    key: string,
  ): Promise<{ id: string; request: string } | undefined>;
  get(env: string, id: string): Promise<BatchView | undefined>;
  summary(env: string, id: string): Promise<BatchSummary | undefined>;
  /** The request as accepted (JSON), e.g. for the name pattern a deletion is confirmed with. */
  request(env: string, id: string): Promise<string | undefined>;
  /** Newest first. */
  list(env: string, limit: number): Promise<BatchSummary[]>;
  owner(id: string): Promise<BatchOwner | undefined>;
  /**
   * Takes the next pending clone (it becomes running, its attempt counted), or none. Atomic:
   * callers claiming at once, in one process or several, never get the same clone.
   */
  claimNext(id: string): Promise<BatchWork | undefined>;
  setOperation(id: string, index: number, operation: string): Promise<void>;
  finishItem(id: string, index: number, outcome: ItemOutcome): Promise<void>;
  itemsIn(id: string, states: readonly BatchItemState[]): Promise<BatchWork[]>;
  /** Pending clones become `outcome` (cancelled, or failed with the reason); returns how many. */
  closePending(id: string, outcome: ItemOutcome): Promise<number>;
  /** One clone becomes pending again (it was never sent: the evidence says so). */
  requeueItem(id: string, index: number): Promise<void>;
  /** Failed clones become pending again; returns how many. */
  requeueFailed(id: string): Promise<number>;
  setSession(id: string, sealed: string | null): Promise<void>;
  setState(id: string, state: BatchState): Promise<void>;
  /**
   * This instance takes the batch to run it, unless another live instance owns it; answers
   * whether it now owns it.
   */
  own(id: string): Promise<boolean>;
  /** This instance no longer runs the batch (its run ended, or it stops): anyone may adopt it. */
  release(id: string): Promise<void>;
  /**
   * Unfinished batches no live instance owns (left by a console that stopped or died), now
   * owned by this one, to resume: in-flight clones settled first.
   */
  adoptUnfinished(): Promise<string[]>;
}

export type { BatchItemView };
