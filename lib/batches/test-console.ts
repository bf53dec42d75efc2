import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll } from "vitest";

import type { OperatorSession } from "@/lib/http/session-cookie";
import type { BatchView } from "@/lib/schemas/batch-status";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { RunningSimulator } from "@/lib/simulator";
import { SimClient } from "@/lib/simulator/test-support";
import type { VcenterContext } from "@/lib/vcenter/context";
import { simulatorContext } from "@/lib/vcenter/test-runtime";

import { batchStore } from "./batch-store";
import { readBatch } from "./read";
import { isRunning } from "./runner";
import { sealForBatch } from "./sealed-session";
import type { BatchStore } from "./store";

// Shared by the batch tests: batches run against the simulator over real HTTP with the real
// SQLite store, and what a batch says is compared with what the simulator holds.

export const ENV = "test";
export const USER = "VSPHERE.LOCAL\\Administrator";

export interface BatchTestConsole {
  sim: RunningSimulator;
  /** The console's own session in the simulator, as the batch runner uses it. */
  ctx: VcenterContext;
  /** Speaks to the simulator directly, beside the console, with its own session `token`. */
  client: SimClient;
  token: string;
  /** The operator whose session the console holds. */
  operator(): OperatorSession;
  /** The names in the simulator that start with `prefix`. */
  inSimulator(prefix: string): Promise<string[]>;
  /** How many instant clones the simulator was asked for so far. */
  cloneCalls(): Promise<number>;
  /** A batch written straight into the store, as a console that stopped would have left it. */
  storedBatch(
    names: string[],
  ): Promise<{ store: BatchStore; specs: InstantCloneSpec[]; id: string }>;
}

/**
 * One console for a test file: a simulator, an environments file naming it (at most 3 clones at
 * once) and a data directory of its own, set in process.env before the tests and closed after.
 * Read its fields inside tests or hooks only: they exist once the file's beforeAll has run.
 */
export function batchConsolePerFile(dirPrefix: string): BatchTestConsole {
  let started:
    { sim: RunningSimulator; ctx: VcenterContext; client: SimClient; token: string } | undefined;
  const current = () => {
    if (!started) throw new Error("the batch test console starts in beforeAll");
    return started;
  };

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), dirPrefix));
    const { sim, ctx } = await simulatorContext();
    writeFileSync(
      path.join(dir, "environments.json"),
      JSON.stringify([{ id: ENV, label: "Test", url: sim.url, maxConcurrentClones: 3 }]),
    );
    process.env.CONSOLE_ENVIRONMENTS = path.join(dir, "environments.json");
    process.env.CONSOLE_DATA_DIR = dir;
    process.env.CONSOLE_SECRET = "x".repeat(40);
    const client = new SimClient(sim.url);
    started = { sim, ctx, client, token: await client.login() };
  });
  afterAll(() => current().sim.close());

  return {
    get sim() {
      return current().sim;
    },
    get ctx() {
      return current().ctx;
    },
    get client() {
      return current().client;
    },
    get token() {
      return current().token;
    },
    operator: () => ({ token: current().ctx.session, user: USER }),
    inSimulator: async (prefix) => {
      const { client, token } = current();
      const all = (await client.call("GET", "/api/vcenter/vm", { token })).body as {
        name: string;
      }[];
      return all.map((vm) => vm.name).filter((n) => n.startsWith(prefix));
    },
    cloneCalls: async () =>
      (
        (await current().client.call("GET", "/__sim/calls?operation=vcenter.vm.instant_clone"))
          .body as { count: number }
      ).count,
    storedBatch: async (names) => {
      const store = batchStore();
      const specs = names.map((name) => ({ source: "vm-1023", name }));
      const { id } = await store.create({
        env: ENV,
        user: USER,
        request: "{}",
        source: "vm-1023",
        concurrency: 2,
        specs,
        sealedSession: await sealForBatch(ENV, { token: current().ctx.session, user: USER }),
      });
      return { store, specs, id };
    },
  };
}

// The store answers at once, so polling loops must yield or the simulator's answers never arrive.
export const tick = () => new Promise((r) => setTimeout(r, 20));

/** Reads the batch once its run (here) has ended. */
export async function untilSettled(id: string): Promise<BatchView> {
  for (;;) {
    // Asked before the read: a run that ends during the read would leave that read stale.
    const ended = !isRunning(id);
    const batch = (await readBatch(ENV, id))!;
    if (ended) return batch;
    await tick();
  }
}

/** Reads the batch until `ok` holds. */
export async function until(id: string, ok: (b: BatchView) => boolean): Promise<BatchView> {
  for (;;) {
    const batch = (await readBatch(ENV, id))!;
    if (ok(batch)) return batch;
    await tick();
  }
}
