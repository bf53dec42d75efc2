import { buildInventory } from "./build-inventory";
import { CallLog } from "./call-log";
import { CloneQueue } from "./clone-queue";
import { addSiteExtras, type SiteExtras } from "./extra-site";
import { FaultStore } from "./faults";
import type { Inventory } from "./inventory";
import { SessionStore } from "./sessions";

/** A few hundred ms: long enough to see "waiting for VMware Tools", short enough for tests. */
export const DEFAULT_GUEST_READY_MS = 400;

export type SimulatorMode = "api" | "rest" | "legacy67";

/** Everything one running simulator holds; handlers get it with each request. */
export class SimulatorState {
  inventory: Inventory;
  readonly sessions: SessionStore;
  readonly faults = new FaultStore();
  readonly calls = new CallLog();
  readonly clones: CloneQueue;
  /** Added to a list answer per item it holds (ms), so large lists cost what vCenter's do. */
  listCostMsPerItem = 0;

  constructor(
    readonly seed: number,
    readonly vmCount: number,
    readonly mode: SimulatorMode,
    sessionIdleMs: number,
    cloneMs = 0,
    /** How long after power-on a clone's VMware Tools start answering. */
    readonly guestReadyMs = DEFAULT_GUEST_READY_MS,
  ) {
    this.clones = new CloneQueue(cloneMs);
    this.inventory = buildInventory(seed, vmCount);
    this.sessions = new SessionStore(sessionIdleMs);
  }

  /** What is added to the layout (SimulatorOptions: extraVmFolders …), kept across a reset. */
  extras: SiteExtras = {};

  /** Back to the inventory of the seed: clones gone, every VM as it was. */
  resetInventory(): void {
    this.inventory = buildInventory(this.seed, this.vmCount);
    addSiteExtras(this.inventory, this.extras);
  }
}
