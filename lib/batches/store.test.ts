import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

import { PgBatchStore } from "./pg-store";
import { SqliteBatchStore } from "./sqlite-store";
import type { BatchStore, NewBatch } from "./store";

// The batch store's contract, run against both stores: whatever the runner relies on holds on
// SQLite (one instance) and on PostgreSQL (several).

const pools: pg.Pool[] = [];
const urls: string[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(urls.map(dropTestDatabase));
});

async function pgDatabase(label: string): Promise<(instance: string) => PgBatchStore> {
  const url = await createTestDatabase(label);
  urls.push(url);
  return (instance) => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pools.push(pool);
    return new PgBatchStore(pool, instance);
  };
}

const factories: [string, () => Promise<BatchStore>][] = [
  [
    "SQLite",
    async () =>
      new SqliteBatchStore(
        path.join(mkdtempSync(path.join(tmpdir(), "icc-batch-store-")), "h.sqlite"),
      ),
  ],
  ["PostgreSQL", async () => (await pgDatabase("batches"))("instance-a")],
];

const spec = (name: string): InstantCloneSpec => ({ source: "vm-1", name }) as InstantCloneSpec;

const batch = (count: number, extra: Partial<NewBatch> = {}): NewBatch => ({
  env: "lab",
  user: "ops@vsphere.local",
  request: JSON.stringify({ count }),
  source: "vm-1",
  concurrency: 2,
  specs: Array.from({ length: count }, (_, i) => spec(`c-${i}`)),
  sealedSession: "sealed",
  ...extra,
});

describe.each(factories)("BatchStore on %s", (_name, open) => {
  let store: BatchStore;
  beforeAll(async () => {
    store = await open();
  });

  it("records a batch with its clones pending, and answers it again for the same key", async () => {
    const first = await store.create(batch(3, { idempotencyKey: "k-1" }));
    expect(first.created).toBe(true);
    const again = await store.create(batch(3, { idempotencyKey: "k-1", request: "other" }));
    expect(again).toEqual({ id: first.id, created: false, request: first.request });
    expect(await store.byKey("lab", "ops@vsphere.local", "k-1")).toEqual({
      id: first.id,
      request: first.request,
    });
    const view = await store.get("lab", first.id);
    expect(view).toMatchObject({
      state: "running",
      total: 3,
      source: "vm-1",
      user: "ops@vsphere.local",
      counts: { pending: 3, running: 0, succeeded: 0 },
    });
    expect(view!.items.map((i) => [i.index, i.name, i.state])).toEqual([
      [0, "c-0", "pending"],
      [1, "c-1", "pending"],
      [2, "c-2", "pending"],
    ]);
    expect(await store.get("other-env", first.id)).toBeUndefined();
    expect(await store.request("lab", first.id)).toBe(first.request);
    expect(await store.owner(first.id)).toEqual({
      env: "lab",
      user: "ops@vsphere.local",
      state: "running",
      sealedSession: "sealed",
      ownedElsewhere: false,
    });
  });

  it("claims clones in order, each once, counting attempts; records outcomes", async () => {
    const { id } = await store.create(batch(2));
    const a = await store.claimNext(id);
    const b = await store.claimNext(id);
    expect([a?.index, a?.attempt, b?.index]).toEqual([0, 1, 1]);
    expect(a?.spec).toEqual(spec("c-0"));
    expect(await store.claimNext(id)).toBeUndefined();
    await store.setOperation(id, 0, "op-0");
    expect((await store.itemsIn(id, ["running"])).map((w) => [w.index, w.operation])).toEqual([
      [0, "op-0"],
      [1, undefined],
    ]);
    await store.finishItem(id, 0, { state: "succeeded", vm: "vm-900" });
    const error = { origin: "vcenter" as const, status: 400, message: "no" };
    await store.finishItem(id, 1, { state: "failed", error });
    const view = (await store.get("lab", id))!;
    expect(view.items[0]).toMatchObject({ state: "succeeded", vm: "vm-900", operation: "op-0" });
    expect(view.items[0]!.ended_at).toMatch(/^\d{4}-/);
    expect(view.items[1]).toMatchObject({ state: "failed", error });
    expect(view.counts).toMatchObject({ succeeded: 1, failed: 1, pending: 0 });
    // A retry: the failed clone is pending again and its next claim is attempt 2.
    expect(await store.requeueFailed(id)).toBe(1);
    expect(await store.claimNext(id)).toMatchObject({ index: 1, attempt: 2 });
    // One clone found never sent goes again, alone, as its next attempt.
    await store.requeueItem(id, 1);
    expect(await store.claimNext(id)).toMatchObject({ index: 1, attempt: 3 });
    expect(await store.claimNext(id)).toBeUndefined();
  });

  it("closes pending clones, keeps state and session, and lists newest first", async () => {
    const { id } = await store.create(batch(3));
    await store.claimNext(id);
    expect(await store.closePending(id, { state: "cancelled" })).toBe(2);
    await store.setState(id, "cancelled");
    await store.setSession(id, null);
    const summary = (await store.summary("lab", id))!;
    expect(summary).toMatchObject({ state: "cancelled", counts: { running: 1, cancelled: 2 } });
    expect(summary.ended_at).toBeDefined();
    expect((await store.owner(id))?.sealedSession).toBeUndefined();
    const later = await store.create(batch(1));
    expect((await store.list("lab", 2)).map((b) => b.id)).toEqual([later.id, id]);
    await store.setState(id, "running");
    expect((await store.summary("lab", id))!.ended_at).toBeUndefined();
  });

  it("this instance owns what it runs, and adopts every unfinished batch nobody runs", async () => {
    const { id } = await store.create(batch(1));
    expect(await store.own(id)).toBe(true);
    await store.release(id);
    expect(await store.adoptUnfinished()).toContain(id);
    await store.claimNext(id);
    await store.finishItem(id, 0, { state: "succeeded", vm: "vm-1" });
    await store.setState(id, "done");
    expect(await store.adoptUnfinished()).not.toContain(id);
  });
});

describe("BatchStore on PostgreSQL, several instances", () => {
  let instance: (name: string) => PgBatchStore;
  let heartbeat: pg.Pool;
  beforeAll(async () => {
    instance = await pgDatabase("batch_instances");
    // A store makes the instances table on first use; heartbeats are written by hand here.
    await instance("setup").adoptUnfinished();
    heartbeat = pools.at(-1)!;
  });
  const beat = (id: string, age = "0 seconds") =>
    heartbeat.query(
      `INSERT INTO console_instances (id, heartbeat_at) VALUES ($1, now() - $2::interval)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`,
      [id, age],
    );

  it("two instances claiming at once from 200 clones never get the same one", async () => {
    const a = instance("a");
    const b = instance("b");
    const { id } = await a.create(batch(200));
    const drain = async (store: PgBatchStore) => {
      const got: number[] = [];
      const worker = async () => {
        for (let item = await store.claimNext(id); item; item = await store.claimNext(id))
          got.push(item.index);
      };
      await Promise.all([worker(), worker(), worker(), worker()]);
      return got;
    };
    const [fromA, fromB] = await Promise.all([drain(a), drain(b)]);
    const all = [...fromA, ...fromB].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // Both took part: the test would prove nothing if one drained the batch alone.
    expect(fromA.length).toBeGreaterThan(0);
    expect(fromB.length).toBeGreaterThan(0);
    expect((await a.summary("lab", id))!.counts.running).toBe(200);
  });

  it("never takes a batch from a live owner; adopts it once the owner's lease ran out", async () => {
    const a = instance("alive-a");
    const b = instance("alive-b");
    await beat("alive-a");
    await beat("alive-b");
    const { id } = await a.create(batch(2));
    expect(await b.own(id)).toBe(false);
    expect(await b.adoptUnfinished()).not.toContain(id);
    expect(await b.owner(id)).toMatchObject({ ownedElsewhere: true });
    expect(await a.owner(id)).toMatchObject({ ownedElsewhere: false });
    // a's heartbeat is older than the lease (15 s by default): a is gone.
    await beat("alive-a", "20 seconds");
    expect(await b.owner(id)).toMatchObject({ ownedElsewhere: false });
    expect(await b.adoptUnfinished()).toContain(id);
    // b beats: nobody takes the batch from it, a (back from a pause) included.
    expect(await a.adoptUnfinished()).not.toContain(id);
    expect(await a.own(id)).toBe(false);
    expect(await a.owner(id)).toMatchObject({ ownedElsewhere: true });
  });

  it("a released batch is free at once for any instance", async () => {
    const a = instance("rel-a");
    const b = instance("rel-b");
    await beat("rel-a");
    await beat("rel-b");
    const { id } = await a.create(batch(1));
    await b.release(id); // not b's: nothing happens
    expect(await b.own(id)).toBe(false);
    await a.release(id);
    expect(await b.own(id)).toBe(true);
  });
});
