import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { recordHeartbeat } from "@/lib/db/instances";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import type { OperationStore } from "./operation-store";
import { PgOperationStore } from "./pg-store";
import { SqliteOperationStore } from "./sqlite-store";

// One contract, both stores. Each test gets a database of its own; "instances" are stores
// opened on it under instance ids of their own (two processes, or two pods, on one database).
interface Backend {
  name: string;
  /** A new empty database. */
  create(): Promise<void>;
  /** A store of a live instance `instance` on the database. */
  open(instance: string): Promise<OperationStore>;
  /** The instance stops without a word (its store is of no use any more). */
  kill(instance: string, store: OperationStore): Promise<void>;
  drop(): Promise<void>;
}

function sqliteBackend(): Backend {
  let file = "";
  const stores: OperationStore[] = [];
  return {
    name: "SQLite",
    async create() {
      file = path.join(mkdtempSync(path.join(tmpdir(), "icc-history-")), "history.sqlite");
    },
    async open(instance) {
      const store = new SqliteOperationStore(file, instance);
      stores.push(store);
      return store;
    },
    // A SQLite file belongs to one process: an instance whose store is closed is gone.
    kill: (_instance, store) => store.close(),
    async drop() {
      for (const store of stores.splice(0)) await store.close().catch(() => undefined);
    },
  };
}

function postgresBackend(): Backend {
  let url = "";
  const pools: pg.Pool[] = [];
  const admin = () => pools[0]!;
  return {
    name: "PostgreSQL",
    async create() {
      url = await createTestDatabase("history");
    },
    async open(instance) {
      const pool = new pg.Pool({ connectionString: url, max: 4 });
      pools.push(pool);
      const store = new PgOperationStore(pool, instance);
      await store.ping(); // the schema, the instances table included
      await recordHeartbeat(pool, instance);
      return store;
    },
    // Its heartbeat ends: as if the lease ran out.
    async kill(instance) {
      await admin().query("DELETE FROM console_instances WHERE id = $1", [instance]);
    },
    async drop() {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
      await dropTestDatabase(url);
    },
  };
}

const spec = { source: "vm-1001", name: "hist-1" };
const unknownOutcome = { origin: "network" as const, status: 504, message: "late" };

describe.each([sqliteBackend(), postgresBackend()])("OperationStore on $name", (backend) => {
  let store: OperationStore;

  beforeEach(async () => {
    await backend.create();
    store = await backend.open("instance-a");
  });
  afterEach(() => backend.drop());

  /** An operation sent and of unknown outcome, its lookup due at `nextCheck`, claimed by nobody. */
  async function openOutcome(on: OperationStore, name: string, nextCheck = 1_000) {
    const { operation } = await on.begin({
      env: "sim",
      user: "u",
      spec: { ...spec, name },
      sealedSession: `sealed-${name}`,
    });
    await on.recordNamesBefore(operation.id, []);
    await on.finish(operation.id, { state: "unknown", error: unknownOutcome, nextCheck });
    await on.scheduleCheck(operation.id, nextCheck);
    return operation.id;
  }

  it("records a submission as pending before it is sent, then its outcome", async () => {
    const { operation, created } = await store.begin({
      env: "sim",
      user: "VSPHERE.LOCAL\\admin",
      spec,
    });
    expect(created).toBe(true);
    expect(await store.get("sim", operation.id)).toMatchObject({ state: "pending", spec });
    expect(await store.get("lab", operation.id)).toBeUndefined();
    const done = await store.finish(operation.id, { state: "succeeded", vm: "vm-2001" });
    expect(done).toMatchObject({ state: "succeeded", vm: "vm-2001" });
    expect(done.duration_ms).toBeGreaterThanOrEqual(0);
    expect(await store.get("sim", operation.id)).toEqual(done);
  });

  it("maps one idempotency key to one operation per environment and user", async () => {
    const key = { env: "sim", user: "u", spec, idempotencyKey: "key-12345678" };
    const first = await store.begin(key);
    const again = await store.begin(key);
    expect(again).toEqual({ operation: first.operation, created: false });
    expect((await store.begin({ ...key, env: "lab" })).created).toBe(true);
    expect((await store.begin({ ...key, user: "v" })).created).toBe(true);
    expect((await store.list("sim", { limit: 10, offset: 0 })).total).toBe(2);
  });

  it("makes one operation of one key sent 20 times at once through two instances", async () => {
    const other = await backend.open("instance-b");
    const key = { env: "sim", user: "u", spec, idempotencyKey: "key-concurrent-1" };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).begin(key)),
    );
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.operation.id)).size).toBe(1);
    expect((await store.list("sim", { limit: 50, offset: 0 })).total).toBe(1);
  });

  it("lists newest first, pages, and filters by outcome", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push(
        (await store.begin({ env: "sim", user: "u", spec: { ...spec, name: `n${n}` } })).operation
          .id,
      );
    await store.begin({ env: "lab", user: "u", spec: { ...spec, name: "elsewhere" } });
    await store.finish(ids[0], {
      state: "failed",
      error: { origin: "vcenter", status: 400, message: "no" },
    });
    const names = async (offset: number) =>
      (await store.list("sim", { limit: 2, offset })).items.map((o) => o.spec.name);
    expect(await names(0)).toEqual(["n3", "n2"]);
    expect(await names(2)).toEqual(["n1"]);
    expect((await store.list("sim", { limit: 2, offset: 0 })).total).toBe(3);
    expect(await store.list("sim", { state: "failed", limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      items: [{ id: ids[0], error: { status: 400 } }],
    });
  });

  it("survives a restart, and marks what was pending as unknown", async () => {
    const { operation } = await store.begin({ env: "sim", user: "u", spec });
    await backend.kill("instance-a", store);
    const restarted = await backend.open("instance-a2");
    expect(await restarted.markInterrupted(5_000)).toBe(1);
    expect((await restarted.get("sim", operation.id))?.state).toBe("unknown");
    expect((await restarted.unsettled("sim", "u")).map((o) => o.id)).toEqual([operation.id]);
    expect(await restarted.unsettled("sim", "v")).toEqual([]);
    expect(await restarted.markInterrupted()).toBe(0);
  });

  it("marks only a gone instance's work interrupted, never a live one's", async () => {
    const live = await backend.open("instance-b");
    const mine = (await store.begin({ env: "sim", user: "u", spec })).operation;
    const theirs = (await live.begin({ env: "sim", user: "u", spec })).operation;
    const clone = (await live.begin({ env: "sim", user: "u", spec })).operation;
    await live.finish(clone.id, { state: "succeeded", vm: "vm-7" });
    const deletion = await live.deletions.begin({
      env: "sim",
      user: "u",
      vm: "vm-7",
      cloneOperation: clone.id,
    });
    const third = await backend.open("instance-c");
    // Both a and b are alive: nothing of theirs is touched.
    expect(await third.markInterrupted()).toBe(0);
    await backend.kill("instance-b", live);
    expect(await third.markInterrupted()).toBe(2); // b's operation and b's deletion
    expect((await third.get("sim", theirs.id))?.state).toBe("unknown");
    expect((await third.deletions.get(deletion.deletion.id))?.state).toBe("unknown");
    expect((await third.get("sim", mine.id))?.state).toBe("pending");
    expect(await store.markInterrupted()).toBe(0);
  });

  it("keeps the sealed session only while the outcome is open, and hands open ones a new one", async () => {
    const { operation } = await store.begin({
      env: "sim",
      user: "u",
      spec,
      sealedSession: "sealed-1",
    });
    await store.recordNamesBefore(operation.id, ["vm-7"]);
    await store.finish(operation.id, {
      state: "unknown",
      error: unknownOutcome,
      settleAfter: 5_000,
      nextCheck: 1_000,
    });
    expect(await store.open(operation.id)).toMatchObject({
      namesBefore: ["vm-7"],
      sealedSession: "sealed-1",
      settleAfter: 5_000,
      checks: 0,
    });
    // Whoever recorded it unknown looks it up next: the worker leaves it alone until then.
    expect(await store.due(Date.now())).toEqual([]);
    await store.scheduleCheck(operation.id, 1_000);
    expect(await store.due(999)).toEqual([]);
    expect((await store.due(1_000)).map((o) => o.operation.id)).toEqual([operation.id]);

    await store.sessionRefused(operation.id, "fp-dead");
    expect((await store.open(operation.id))!.sealedSession).toBeUndefined();
    expect(await store.due(Date.now())).toEqual([]);
    expect(await store.waitingForSession("sim", "u")).toBe(true);
    expect(await store.adoptSession("sim", "u", "sealed-again", "fp-dead", 2_000)).toBe(0);
    expect(await store.adoptSession("sim", "other", "sealed-2", "fp-new", 2_000)).toBe(0);
    expect(await store.adoptSession("sim", "u", "sealed-2", "fp-new", 2_000)).toBe(1);
    expect(await store.waitingForSession("sim", "u")).toBe(false);
    expect((await store.due(2_000)).map((o) => o.sealedSession)).toEqual(["sealed-2"]);

    await store.finish(operation.id, { state: "succeeded", vm: "vm-9", settledBy: "lookup" });
    expect((await store.open(operation.id))!.sealedSession).toBeUndefined();
    expect(await store.due(Date.now())).toEqual([]);
    expect(await store.get("sim", operation.id)).toMatchObject({
      state: "succeeded",
      settled_by: "lookup",
      error: unknownOutcome,
    });
  });

  it("hands each due lookup to one instance at a time, in order, and frees a gone one's", async () => {
    const other = await backend.open("instance-b");
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await openOutcome(i % 2 ? other : store, `due-${i}`, i));
    expect(await store.due(-1)).toEqual([]);
    const [a, b] = await Promise.all([store.due(1_000, 20), other.due(1_000, 20)]);
    const handed = [...a, ...b].map((o) => o.operation.id);
    expect(handed).toHaveLength(30);
    expect(new Set(handed).size).toBe(30);
    for (const batch of [a, b]) {
      const order = batch.map((o) => ids.indexOf(o.operation.id));
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
    // Claimed: nobody gets them again while their lookups are under way.
    expect(await Promise.all([store.due(1_000), other.due(1_000)])).toEqual([[], []]);
    // A lookup recorded frees its operation for the next one.
    await store.scheduleCheck(a[0]!.operation.id, 2_000);
    expect((await other.due(2_000)).map((o) => o.operation.id)).toEqual([a[0]!.operation.id]);
    expect((await other.open(a[0]!.operation.id))!.checks).toBe(2);
    // An instance that is gone holds nothing: its claims go to the next that asks.
    await backend.kill("instance-b", other);
    const third = await backend.open("instance-c");
    const takenOver = (await third.due(2_000)).map((o) => o.operation.id).sort();
    expect(takenOver).toEqual([...b.map((o) => o.operation.id), a[0]!.operation.id].sort());
  });

  it("counts a new VM as owned only by another submission of the same name", async () => {
    const mine = (await store.begin({ env: "sim", user: "u", spec })).operation;
    const other = (await store.begin({ env: "sim", user: "u", spec })).operation;
    await store.finish(other.id, { state: "succeeded", vm: "vm-5" });
    const renamed = (await store.begin({ env: "sim", user: "u", spec: { ...spec, name: "x" } }))
      .operation;
    await store.finish(renamed.id, { state: "succeeded", vm: "vm-6" });
    expect(await store.claimed("sim", spec.name, ["vm-5", "vm-6"], mine.id)).toEqual(["vm-5"]);
    expect(await store.claimed("sim", spec.name, [], mine.id)).toEqual([]);
  });

  it("finds the latest clone that made a VM id", async () => {
    const older = (await store.begin({ env: "sim", user: "u", spec })).operation;
    await store.finish(older.id, { state: "succeeded", vm: "vm-8" });
    const newer = (await store.begin({ env: "sim", user: "u", spec: { ...spec, name: "b" } }))
      .operation;
    await store.finish(newer.id, { state: "succeeded", vm: "vm-8" });
    const failed = (await store.begin({ env: "sim", user: "u", spec })).operation;
    await store.finish(failed.id, { state: "failed", error: unknownOutcome });
    expect((await store.cloneOfVm("sim", "vm-8"))?.id).toBe(newer.id);
    expect(await store.cloneOfVm("lab", "vm-8")).toBeUndefined();
  });

  it("keeps one deletion of a clone under way or done, and lets a failed one be tried again", async () => {
    const other = await backend.open("instance-b");
    const clone = (await store.begin({ env: "sim", user: "u", spec })).operation;
    await store.finish(clone.id, { state: "succeeded", vm: "vm-3" });
    const input = { env: "sim", user: "u", vm: "vm-3", cloneOperation: clone.id };
    const both = await Promise.all([store.deletions.begin(input), other.deletions.begin(input)]);
    expect(both.filter((d) => d.created)).toHaveLength(1);
    const first = both[0]!.deletion;
    expect(both[1]!.deletion.id).toBe(first.id);
    const failed = await store.deletions.finish(first.id, {
      state: "failed",
      error: { origin: "vcenter", status: 403, message: "no privilege" },
    });
    expect(failed).toMatchObject({ state: "failed", error: { status: 403 } });
    expect(await store.deletions.latestOf([clone.id, "no-such-clone"])).toEqual(
      new Map([[clone.id, failed]]),
    );
    const retry = await other.deletions.begin(input);
    expect(retry.created).toBe(true);
    expect((await store.deletions.latest(clone.id))?.id).toBe(retry.deletion.id);
    // Read for a page: the one under way comes before the failed one, as latest() answers.
    expect(await other.deletions.latestOf([clone.id])).toEqual(
      new Map([[clone.id, retry.deletion]]),
    );
    await other.deletions.finish(retry.deletion.id, { state: "unknown", error: unknownOutcome });
    expect((await store.deletions.unknown("sim", "u")).map((d) => d.id)).toEqual([
      retry.deletion.id,
    ]);
    const done = await store.deletions.finish(retry.deletion.id, {
      state: "succeeded",
      alreadyGone: true,
      settledBy: "lookup",
    });
    expect(done).toMatchObject({ state: "succeeded", already_gone: true, settled_by: "lookup" });
    expect(await store.deletions.unknown("sim", "u")).toEqual([]);
    expect((await store.deletions.begin(input)).deletion.id).toBe(retry.deletion.id);
  });

  it("keeps a guest's readiness (ready is never taken back) and the clash with its source", async () => {
    const clone = (await store.begin({ env: "sim", user: "u", spec })).operation;
    await store.finish(clone.id, { state: "succeeded", vm: "vm-4" });
    expect(await store.guests.get(clone.id, spec.source, 0)).toBeUndefined();
    await store.guests.recordSource(clone.id, { host_name: "golden", ip_address: "10.0.0.1" });
    expect(await store.guests.source(clone.id)).toEqual({
      host_name: "golden",
      ip_address: "10.0.0.1",
    });
    const seen = { at: 1_000, timeoutSeconds: 60 };
    await store.guests.recordState(clone.id, "waiting", seen);
    expect(await store.guests.get(clone.id, spec.source, 0)).toEqual({
      state: "waiting",
      timeout_seconds: 60,
    });
    await store.guests.recordState(clone.id, "ready", {
      ...seen,
      ip_address: "10.0.0.1",
      at: 3_000,
    });
    await store.guests.recordState(clone.id, "not_ready", { ...seen, at: 9_000 });
    const kept = {
      state: "ready",
      ip_address: "10.0.0.1",
      ready_after_ms: 2_000,
      timeout_seconds: 60,
      clash: { source: spec.source, ip_address: "10.0.0.1" },
    };
    expect(await store.guests.get(clone.id, spec.source, 1_000)).toEqual(kept);
    // Read for a page: the same guests, those with none left out.
    const page = [
      { operation: clone.id, source: spec.source, cloneEndedAt: 1_000 },
      { operation: "op-without-guest", source: spec.source, cloneEndedAt: 1_000 },
    ];
    expect(await store.guests.getMany(page)).toEqual(new Map([[clone.id, kept]]));
    expect(await store.guests.getMany([])).toEqual(new Map());
  });

  it("answers ping once the schema is there", async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
