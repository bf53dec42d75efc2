import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { BatchView } from "@/lib/schemas/batch-status";
import type { RunningSimulator } from "@/lib/simulator";
import { SimClient } from "@/lib/simulator/test-support";
import type { VcenterContext } from "@/lib/vcenter/context";
import { simulatorContext } from "@/lib/vcenter/test-runtime";

import { acceptBatch } from "./accept";
import { cancelBatchDeletion, deleteBatch } from "./delete-batch";
import { readBatch } from "./read";
import { isRunning } from "./runner";

// A batch's "Delete all clones" against the simulator over real HTTP with the real SQLite store:
// what the batch then says is compared with what the simulator holds.

const ENV = "test";
const USER = "VSPHERE.LOCAL\\Administrator";
const operator = () => ({ token: ctx.session, user: USER });
let sim: RunningSimulator;
let ctx: VcenterContext;
let client: SimClient;
let token: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "icc-batch-delete-"));
  ({ sim, ctx } = await simulatorContext());
  writeFileSync(
    path.join(dir, "environments.json"),
    JSON.stringify([{ id: ENV, label: "Test", url: sim.url, maxConcurrentClones: 3 }]),
  );
  process.env.CONSOLE_ENVIRONMENTS = path.join(dir, "environments.json");
  process.env.CONSOLE_DATA_DIR = dir;
  process.env.CONSOLE_SECRET = "x".repeat(40);
  client = new SimClient(sim.url);
  token = await client.login();
});
afterAll(() => sim.close());

const tick = () => new Promise((r) => setTimeout(r, 20));

async function until(id: string, ok: (b: BatchView) => boolean): Promise<BatchView> {
  for (;;) {
    const batch = (await readBatch(ENV, id))!;
    if (ok(batch)) return batch;
    await tick();
  }
}

async function madeBatch(pattern: string, count: number): Promise<BatchView> {
  const { id } = await acceptBatch(ctx, {
    env: ENV,
    operator: operator(),
    body: { spec: { source: "vm-1023" }, names: { pattern, count }, concurrency: 3 },
  });
  await until(id, () => !isRunning(id));
  return until(id, (b) => b.counts.succeeded === count);
}

const inSimulator = async (prefix: string): Promise<string[]> => {
  const all = (await client.call("GET", "/api/vcenter/vm", { token })).body as { name: string }[];
  return all.map((vm) => vm.name).filter((n) => n.startsWith(prefix));
};

describe("deleting a batch's clones", () => {
  it("deletes every clone the batch made, each an operation, and asks for its pattern", async () => {
    const batch = await madeBatch("del-{n:fixed=2}", 5);
    expect(batch.deletion).toEqual({ running: false, pattern: "del-{n:fixed=2}" });
    await deleteBatch(ctx, ENV, batch.id, operator());
    const done = await until(batch.id, (b) => b.deletion?.running === false);
    expect(done.items.map((i) => i.deletion?.state)).toEqual(Array(5).fill("succeeded"));
    expect(done.items.every((i) => i.deletion?.id)).toBe(true);
    expect(await inSimulator("del-")).toEqual([]);
  });

  it("cancelled, sends no deletion it has not started: those clones stay in vCenter", async () => {
    const batch = await madeBatch("keep-{n}", 6);
    await deleteBatch(ctx, ENV, batch.id, operator());
    // The four workers each took a clone before deleteBatch answered; the other two wait.
    cancelBatchDeletion(batch.id);
    const done = await until(batch.id, (b) => b.deletion?.running === false);
    expect(done.deletion?.cancelled).toBe(true);
    const states = done.items.map((i) => i.deletion?.state);
    expect(states.filter((s) => s === "succeeded")).toHaveLength(4);
    expect(states.filter((s) => s === "cancelled")).toHaveLength(2);
    const kept = done.items.filter((i) => i.deletion?.state === "cancelled").map((i) => i.name);
    expect((await inSimulator("keep-")).sort()).toEqual(kept.sort());
  });

  it("refuses a batch still making clones, and one that made none", async () => {
    const { id } = await acceptBatch(ctx, {
      env: ENV,
      operator: operator(),
      body: { spec: { source: "vm-1003" }, names: ["off-1"], concurrency: 1 },
    });
    await until(id, () => !isRunning(id));
    await expect(deleteBatch(ctx, ENV, id, operator())).rejects.toMatchObject({ status: 409 });
  });
});
