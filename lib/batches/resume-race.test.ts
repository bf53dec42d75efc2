import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sealKeptSession } from "@/lib/clones/kept-session";
import { tick as settleWorkerPass } from "@/lib/clones/settle-worker";
import { startHeartbeat, stopHeartbeat } from "@/lib/db/instances";
import { closePgPool, pgPool } from "@/lib/db/postgres";
import { history } from "@/lib/history/store";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { resumeBatches, stopWatchingBatches } from "./recovery";
import { itemKey } from "./runner";
import { batchConsolePerFile, ENV, untilSettled, USER } from "./test-console";
import type { BatchWork } from "./store";

// A batch left running by a console that died, resumed while the history's settle worker looks
// at the same in-flight clones. Whichever of the two comes first, a clone its sender never sent
// (no names recorded before it) goes again as the next attempt, and one that may have reached
// vCenter is looked up, never sent again. On both stores, against the simulator.

const t = batchConsolePerFile("icc-resume-race-");
const STOPPED = "a-stopped-console";

const holders = globalThis as {
  __iccHistory?: unknown;
  __iccBatchStore?: unknown;
  __iccSettling?: Set<string>;
};

/** Points history() and batchStore() at a fresh store of `kind` for the describe block. */
function onStore(kind: "SQLite" | "PostgreSQL") {
  let url: string | undefined;
  beforeAll(async () => {
    holders.__iccHistory = holders.__iccBatchStore = undefined;
    if (kind === "SQLite") return;
    url = await createTestDatabase("resume-race");
    process.env.CONSOLE_DATABASE_URL = url;
    await startHeartbeat(pgPool()); // this instance is alive; STOPPED never was
  });
  afterAll(async () => {
    stopWatchingBatches();
    holders.__iccHistory = holders.__iccBatchStore = undefined;
    if (!url) return;
    await stopHeartbeat(pgPool());
    await closePgPool();
    delete process.env.CONSOLE_DATABASE_URL;
    await dropTestDatabase(url);
  });
  /** One statement with `?` placeholders on the store's database: what no store method does (a dead owner). */
  return async (statement: string, ...params: unknown[]): Promise<void> => {
    if (kind === "PostgreSQL") {
      let n = 0;
      await pgPool().query(
        statement.replace(/\?/g, () => `$${++n}`),
        params,
      );
      return;
    }
    const file = new Database(path.join(process.env.CONSOLE_DATA_DIR!, "history.sqlite"));
    try {
      file.prepare(statement).run(...params);
    } finally {
      file.close();
    }
  };
}

describe.each(["SQLite", "PostgreSQL"] as const)("a batch resumed on %s", (kind) => {
  const sql = onStore(kind);

  /**
   * A batch of `names` whose first clone a console that is gone had claimed and recorded in the
   * history (with the operator's session kept for settling), then died: sent (its names before
   * recorded) or not.
   */
  async function leftInFlight(names: string[], sent: boolean) {
    const { store, specs, id } = await t.storedBatch(names);
    const item: BatchWork = (await store.claimNext(id))!;
    const { operation } = await history().begin({
      env: ENV,
      user: USER,
      spec: specs[0]!,
      idempotencyKey: itemKey(id, item),
      sealedSession: await sealKeptSession(ENV, t.operator()),
    });
    if (sent) await history().recordNamesBefore(operation.id, []);
    await sql("UPDATE operations SET owner = ? WHERE id = ?", STOPPED, operation.id);
    if (kind === "PostgreSQL") await sql("UPDATE batches SET owner = ? WHERE id = ?", STOPPED, id);
    return { id, op: operation.id };
  }

  /** The start marks the dead console's clone unknown, and the settle worker calls it not made. */
  async function settledByTheWorkerAsNotMade(op: string) {
    await history().markInterrupted();
    await settleWorkerPass();
    expect(await history().get(ENV, op)).toMatchObject({
      state: "failed",
      error: { cause: "EINTERRUPTED" },
    });
  }

  /** The never-sent clone went again as attempt 2, and the batch made every clone once. */
  async function expectSentAgain(id: string, op: string, names: string[], callsBefore: number) {
    const batch = await untilSettled(id);
    expect(batch.items[0], JSON.stringify(batch.items[0])).toMatchObject({
      state: "succeeded",
      attempt: 2,
    });
    expect(batch.items[0]!.operation).not.toBe(op);
    expect(batch.counts.succeeded).toBe(names.length);
    expect(await t.cloneCalls()).toBe(callsBefore + names.length);
    expect((await t.inSimulator(`${names[0]!.split("-")[0]}-`)).sort()).toEqual(names);
  }

  it("sends a never-sent clone again when the settle worker has already settled it as not made", async () => {
    const names = [`${kind[0]}nw-1`, `${kind[0]}nw-2`];
    const { id, op } = await leftInFlight(names, false);
    await settledByTheWorkerAsNotMade(op);
    const before = await t.cloneCalls();
    expect(await resumeBatches()).toBeGreaterThanOrEqual(1);
    await expectSentAgain(id, op, names, before);
  });

  it("sends a never-sent clone again while the settle worker is looking it up", async () => {
    const names = [`${kind[0]}nl-1`, `${kind[0]}nl-2`];
    const { id, op } = await leftInFlight(names, false);
    await history().markInterrupted();
    // The worker holds the lookup: the batch's own lookup answers "still unknown".
    const settling = holders.__iccSettling!;
    settling.add(op);
    try {
      const before = await t.cloneCalls();
      expect(await resumeBatches()).toBeGreaterThanOrEqual(1);
      await expectSentAgain(id, op, names, before);
    } finally {
      settling.delete(op);
    }
    await settleWorkerPass();
    expect(await history().get(ENV, op)).toMatchObject({ state: "failed" });
  });

  it("sends a never-sent clone again when its operation is still pending as the batch is adopted", async () => {
    // The dead console's lease ran out between the start-up's markInterrupted and the adoption.
    const names = [`${kind[0]}np-1`, `${kind[0]}np-2`];
    const { id, op } = await leftInFlight(names, false);
    const before = await t.cloneCalls();
    expect(await resumeBatches()).toBeGreaterThanOrEqual(1);
    await expectSentAgain(id, op, names, before);
    expect(await history().get(ENV, op)).toMatchObject({ state: "failed" });
  });

  it("never sends again a clone that may have reached vCenter, even once settled as not made", async () => {
    const names = [`${kind[0]}ns-1`, `${kind[0]}ns-2`];
    const { id, op } = await leftInFlight(names, true);
    // Its settle window is over with nothing of that name in vCenter: not made, by evidence.
    await sql("UPDATE operations SET settle_after = ? WHERE id = ?", Date.now() - 1, op);
    await settledByTheWorkerAsNotMade(op);
    const before = await t.cloneCalls();
    expect(await resumeBatches()).toBeGreaterThanOrEqual(1);
    const batch = await untilSettled(id);
    expect(batch.items[0]).toMatchObject({ state: "failed", attempt: 1, operation: op });
    expect(batch.items[1]).toMatchObject({ state: "succeeded", attempt: 1 });
    expect(await t.cloneCalls()).toBe(before + 1);
    expect(await t.inSimulator(`${kind[0]}ns-`)).toEqual([names[1]]);
  });
});
