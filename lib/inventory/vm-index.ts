import "server-only";

import { type PowerState, powerStates, type VmSummary } from "@/lib/schemas/inventory";
import type { VmRead } from "@/lib/vcenter/all-vms";

import { compareNames, isSimpleName } from "./name-order";

/** One VM as the cache keeps it. */
export interface VmEntry {
  vm: string;
  name: string;
  /** The name in lower case for search; the same string when the name has no capitals. */
  lower: string;
  /** Whether the name can be ordered without the collator (see name-order.ts). */
  simple: boolean;
  power_state: PowerState;
  host?: string;
  folder?: string;
  cpu_count?: number;
  memory_size_MiB?: number;
  /** Learnt from a detail read (vCenter's list does not say). */
  frozen?: boolean;
}

export interface VmQuery {
  q?: string;
  power_state?: PowerState;
  folder?: string;
  host?: string;
  limit: number;
}

const POWER_STATE = Object.fromEntries(powerStates.map((s) => [s, s])) as Record<
  PowerState,
  PowerState
>;

// Rough heap cost of one entry beyond its strings (object, array slot, map slot), checked
// against a heap snapshot after GC by the bench's scale section.
const ENTRY_BYTES = 200;
const stringBytes = (text: string | undefined) => (text ? 16 + text.length * 2 : 0);

/** The VMs of one inventory, sorted by name for search, by id for updates. */
export class VmIndex {
  private readonly sorted: VmEntry[];
  private readonly byId = new Map<string, VmEntry>();
  private readonly shared = new Map<string, string>();
  private size = 0;

  constructor(reads: VmRead[], previous?: VmIndex) {
    // Folders come from a second read: until it lands, the previous read's folders stand in.
    // Frozen flags are learnt again, as vCenter may have changed them.
    const before = previous?.byId;
    this.sorted = new Array<VmEntry>(reads.length);
    for (let i = 0; i < reads.length; i++)
      this.sorted[i] = this.entry(reads[i], undefined, before?.get(reads[i].vm)?.folder);
    this.sorted.sort(byName);
    for (const entry of this.sorted) this.byId.set(entry.vm, entry);
  }

  /** Roughly what the index holds in bytes, for the cache's budget. */
  get bytes(): number {
    return this.size;
  }

  get count(): number {
    return this.sorted.length;
  }

  get(vm: string): VmEntry | undefined {
    return this.byId.get(vm);
  }

  /** Names containing `q` in any case, in name order, with the total before the limit. */
  search(query: VmQuery): { items: VmEntry[]; total: number } {
    const needle = query.q?.trim().toLowerCase();
    const items: VmEntry[] = [];
    let total = 0;
    for (const vm of this.sorted) {
      if (query.power_state && vm.power_state !== query.power_state) continue;
      if (query.host && vm.host !== query.host) continue;
      if (query.folder && vm.folder !== query.folder) continue;
      if (needle && !vm.lower.includes(needle)) continue;
      if (total++ < query.limit) items.push(vm);
    }
    return { items, total };
  }

  /** Adds a VM or updates the one of that id, keeping the name order. */
  upsert(read: VmRead & { frozen?: boolean }): void {
    const old = this.byId.get(read.vm);
    if (old) this.remove(read.vm);
    const entry = this.entry({ ...old, ...read }, old);
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byName(this.sorted[mid], entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.sorted.splice(lo, 0, entry);
    this.byId.set(entry.vm, entry);
  }

  remove(vm: string): void {
    const entry = this.byId.get(vm);
    if (!entry) return;
    this.byId.delete(vm);
    this.sorted.splice(this.sorted.indexOf(entry), 1);
    this.size -= this.entryBytes(entry);
  }

  /** Sets each VM's folder from a read by folder. */
  setFolders(reads: VmRead[]): void {
    for (const read of reads) {
      const entry = this.byId.get(read.vm);
      if (entry && read.folder) entry.folder = this.intern(read.folder);
    }
  }

  private entry(read: VmRead & { frozen?: boolean }, old?: VmEntry, folder?: string): VmEntry {
    const lower = read.name.toLowerCase();
    const entry: VmEntry = {
      vm: read.vm,
      name: read.name,
      lower: lower === read.name ? read.name : lower,
      simple: isSimpleName(read.name),
      // One string per state and per host and folder id, not one per VM.
      power_state: POWER_STATE[read.power_state] ?? read.power_state,
      host: read.host ? this.intern(read.host) : old?.host,
      folder: read.folder ? this.intern(read.folder) : (old?.folder ?? folder),
      cpu_count: read.cpu_count,
      memory_size_MiB: read.memory_size_MiB,
      frozen: read.frozen ?? old?.frozen,
    };
    this.size += this.entryBytes(entry);
    return entry;
  }

  private entryBytes(entry: VmEntry): number {
    return (
      ENTRY_BYTES +
      stringBytes(entry.vm) +
      stringBytes(entry.name) +
      (entry.lower === entry.name ? 0 : stringBytes(entry.lower))
    );
  }

  private intern(id: string): string {
    let kept = this.shared.get(id);
    if (kept === undefined) this.shared.set(id, (kept = id));
    return kept;
  }
}

/** The project's name order (the collator's), fast for simple names. */
const byName = (a: VmEntry, b: VmEntry) => compareNames(a.name, b.name, a.simple && b.simple);

/** A kept VM in the console API's shape. */
export function vmSummaryOf(entry: VmEntry): VmSummary & { host?: string; folder?: string } {
  return {
    vm: entry.vm,
    name: entry.name,
    power_state: entry.power_state,
    ...(entry.host ? { host: entry.host } : {}),
    ...(entry.folder ? { folder: entry.folder } : {}),
    ...(entry.cpu_count !== undefined ? { cpu_count: entry.cpu_count } : {}),
    ...(entry.memory_size_MiB !== undefined ? { memory_size_MiB: entry.memory_size_MiB } : {}),
    ...(entry.frozen !== undefined ? { instant_clone_frozen: entry.frozen } : {}),
  };
}
