import { buildInventory } from "./build-inventory";
import { CallLog } from "./call-log";
import { FaultStore } from "./faults";
import type { Inventory } from "./inventory";
import { SessionStore } from "./sessions";

export type SimulatorMode = "api" | "rest" | "legacy67";

/** Everything one running simulator holds; handlers get it with each request. */
export class SimulatorState {
  inventory: Inventory;
  readonly sessions: SessionStore;
  readonly faults = new FaultStore();
  readonly calls = new CallLog();
  /** Added to a list answer per item it holds (ms), so large lists cost what vCenter's do. */
  listCostMsPerItem = 0;

  constructor(
    readonly seed: number,
    readonly vmCount: number,
    readonly mode: SimulatorMode,
    sessionIdleMs: number,
  ) {
    this.inventory = buildInventory(seed, vmCount);
    this.sessions = new SessionStore(sessionIdleMs);
  }

  /** Back to the inventory of the seed: clones gone, every VM as it was. */
  resetInventory(): void {
    this.inventory = buildInventory(this.seed, this.vmCount);
  }
}
