import "server-only";

import { inventoryBudgetBytes } from "./budget";

/** What a load hands the cache: the value and what it costs to keep. */
export interface Loaded<T> {
  value: T;
  bytes: number;
}

export interface Cached<T> {
  value: T;
  /** When the read that produced the value began. */
  asOf: Date;
}

interface Entry {
  value: unknown;
  asOf: Date;
  bytes: number;
}

/** Hit and miss counts since start, for a metrics module to read. */
export interface InventoryCacheStats {
  hits: number;
  misses: number;
  /** Searches answered from an expired entry while it was read again. */
  stale: number;
  loads: number;
  evictions: number;
  entries: number;
  bytes: number;
  budgetBytes: number;
}

/**
 * Inventory lists kept per key (environment, user, kind), within a byte budget, evicting the
 * least recently used. An expired entry is answered at once and read again in the background
 * (stale-while-revalidate); concurrent misses of one key share a single read.
 */
export class InventoryCache {
  // Map order is the LRU order: a use moves the entry to the end.
  private readonly entries = new Map<string, Entry>();
  private readonly loads = new Map<string, Promise<Entry>>();
  private bytes = 0;
  private readonly counts = { hits: 0, misses: 0, stale: 0, loads: 0, evictions: 0 };

  constructor(readonly budgetBytes: number) {}

  async get<T>(
    key: string,
    load: () => Promise<Loaded<T>>,
    opts: { ttlMs: number; refresh?: boolean },
  ): Promise<Cached<T>> {
    const entry = this.entries.get(key);
    if (entry && !opts.refresh) {
      this.counts.hits++;
      this.touch(key, entry);
      if (Date.now() - entry.asOf.getTime() >= opts.ttlMs) {
        this.counts.stale++;
        // The operator gets the kept list now; a failed background read leaves it as it was.
        if (!this.loads.has(key)) this.load(key, load).catch(() => {});
      }
      return entry as Cached<T>;
    }
    if (!entry) this.counts.misses++;
    return (await (this.loads.get(key) ?? this.load(key, load))) as Cached<T>;
  }

  /** The kept value, without reading anything (a clone or a detail read updating it). */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key)?.value as T | undefined;
  }

  /** Records that an entry's value grew or shrank in place. */
  resize(key: string, bytes: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes += bytes - entry.bytes;
    entry.bytes = bytes;
    this.evict();
  }

  /** Forgets every entry (and the reads under way) whose key starts with `prefix`. */
  drop(prefix: string): void {
    for (const [key, entry] of this.entries)
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        this.bytes -= entry.bytes;
      }
    for (const key of this.loads.keys()) if (key.startsWith(prefix)) this.loads.delete(key);
  }

  stats(): InventoryCacheStats {
    return {
      ...this.counts,
      entries: this.entries.size,
      bytes: this.bytes,
      budgetBytes: this.budgetBytes,
    };
  }

  private load<T>(key: string, load: () => Promise<Loaded<T>>): Promise<Entry> {
    this.counts.loads++;
    const asOf = new Date();
    const pending: Promise<Entry> = load().then(
      ({ value, bytes }) => {
        const entry: Entry = { value, asOf, bytes };
        // Dropped (logout) while the read was under way: answer it, but keep nothing.
        if (this.loads.get(key) === pending) {
          this.loads.delete(key);
          this.put(key, entry);
        }
        return entry;
      },
      (err: unknown) => {
        if (this.loads.get(key) === pending) this.loads.delete(key);
        throw err;
      },
    );
    this.loads.set(key, pending);
    return pending;
  }

  private put(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.budgetBytes) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
      this.counts.evictions++;
    }
  }
}

// One cache per process, whichever route bundle loads this module first.
export function inventoryCache(): InventoryCache {
  const store = globalThis as { __iccInventoryCache?: InventoryCache };
  return (store.__iccInventoryCache ??= new InventoryCache(inventoryBudgetBytes()));
}

/** Hit and miss counts of the inventory cache (for /api/metrics). */
export const inventoryCacheStats = (): InventoryCacheStats => inventoryCache().stats();

/** The key of one list of one user in one environment; user names compare in any case. */
export const cacheKey = (env: string, user: string, kind: string) =>
  `${userPrefix(env, user)}${kind}`;
export const userPrefix = (env: string, user: string) => `${env}\u0000${user.toLowerCase()}\u0000`;

/** Tests: start over with an empty cache, with the budget they choose. */
export function resetInventoryCache(budgetBytes = inventoryBudgetBytes()): InventoryCache {
  const store = globalThis as { __iccInventoryCache?: InventoryCache };
  return (store.__iccInventoryCache = new InventoryCache(budgetBytes));
}
