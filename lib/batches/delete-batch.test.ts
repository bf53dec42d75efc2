import { describe, expect, it } from "vitest";

import type { BatchView } from "@/lib/schemas/batch-status";

import { acceptBatch } from "./accept";
import { cancelBatchDeletion, deleteBatch } from "./delete-batch";
import { isRunning } from "./runner";
import { batchConsolePerFile, ENV, until } from "./test-console";

// A batch's "Delete all clones" against the simulator over real HTTP with the real SQLite store:
// what the batch then says is compared with what the simulator holds.

const t = batchConsolePerFile("icc-batch-delete-");
const { operator, inSimulator } = t;

async function madeBatch(pattern: string, count: number): Promise<BatchView> {
  const { id } = await acceptBatch(t.ctx, {
    env: ENV,
    operator: operator(),
    body: { spec: { source: "vm-1023" }, names: { pattern, count }, concurrency: 3 },
  });
  await until(id, () => !isRunning(id));
  return until(id, (b) => b.counts.succeeded === count);
}

describe("deleting a batch's clones", () => {
  it("deletes every clone the batch made, each an operation, and asks for its pattern", async () => {
    const batch = await madeBatch("del-{n:fixed=2}", 5);
    expect(batch.deletion).toEqual({ running: false, pattern: "del-{n:fixed=2}" });
    await deleteBatch(t.ctx, ENV, batch.id, operator());
    const done = await until(batch.id, (b) => b.deletion?.running === false);
    expect(done.items.map((i) => i.deletion?.state)).toEqual(Array(5).fill("succeeded"));
    expect(done.items.every((i) => i.deletion?.id)).toBe(true);
    expect(await inSimulator("del-")).toEqual([]);
  });

  it("cancelled, sends no deletion it has not started: those clones stay in vCenter", async () => {
    const batch = await madeBatch("keep-{n}", 6);
    await deleteBatch(t.ctx, ENV, batch.id, operator());
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
    const { id } = await acceptBatch(t.ctx, {
      env: ENV,
      operator: operator(),
      body: { spec: { source: "vm-1003" }, names: ["off-1"], concurrency: 1 },
    });
    await until(id, () => !isRunning(id));
    await expect(deleteBatch(t.ctx, ENV, id, operator())).rejects.toMatchObject({ status: 409 });
  });
});
