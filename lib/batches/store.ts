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

// The batch store's contract. Async on purpose: the SQLite implementation answers at once, a
// PostgreSQL one (next) will not. Nothing here knows about vCenter or the runner.

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
  /** Takes the next pending clone (it becomes running, its attempt counted), or none. */
  claimNext(id: string): Promise<BatchWork | undefined>;
  setOperation(id: string, index: number, operation: string): Promise<void>;
  finishItem(id: string, index: number, outcome: ItemOutcome): Promise<void>;
  itemsIn(id: string, states: readonly BatchItemState[]): Promise<BatchWork[]>;
  /** Pending clones become `outcome` (cancelled, or failed with the reason); returns how many. */
  closePending(id: string, outcome: ItemOutcome): Promise<number>;
  /** Failed clones become pending again; returns how many. */
  requeueFailed(id: string): Promise<number>;
  setSession(id: string, sealed: string | null): Promise<void>;
  setState(id: string, state: BatchState): Promise<void>;
  /** Batches some console left running, to resume at start-up. */
  unfinished(): Promise<string[]>;
}

export type { BatchItemView };
