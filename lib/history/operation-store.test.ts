import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { SqliteOperationStore } from "./sqlite-store";

const spec = { source: "vm-1001", name: "hist-1" };
let file: string;
let store: SqliteOperationStore;

beforeEach(() => {
  file = path.join(mkdtempSync(path.join(tmpdir(), "icc-history-")), "history.sqlite");
  store = new SqliteOperationStore(file);
});
afterEach(() => store.close());

describe("OperationStore", () => {
  it("records a submission as pending before it is sent, then its outcome", async () => {
    const { operation, created } = await store.begin({
      env: "sim",
      user: "VSPHERE.LOCAL\\admin",
      spec,
    });
    expect(created).toBe(true);
    expect(await store.get("sim", operation.id)).toMatchObject({ state: "pending", spec });
    const done = await store.finish(operation.id, { state: "succeeded", vm: "vm-2001" });
    expect(done).toMatchObject({ state: "succeeded", vm: "vm-2001" });
    expect(done.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("maps one idempotency key to one operation per environment and user", async () => {
    const first = await store.begin({
      env: "sim",
      user: "u",
      spec,
      idempotencyKey: "key-12345678",
    });
    const again = await store.begin({
      env: "sim",
      user: "u",
      spec,
      idempotencyKey: "key-12345678",
    });
    expect(again).toEqual({ operation: first.operation, created: false });
    expect(
      (await store.begin({ env: "lab", user: "u", spec, idempotencyKey: "key-12345678" })).created,
    ).toBe(true);
    expect((await store.list("sim", { limit: 10, offset: 0 })).total).toBe(1);
  });

  it("lists newest first, pages, and filters by outcome", async () => {
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push(
        (await store.begin({ env: "sim", user: "u", spec: { ...spec, name: `n${n}` } })).operation
          .id,
      );
    await store.finish(ids[0], {
      state: "failed",
      error: { origin: "vcenter", status: 400, message: "no" },
    });
    const names = async (offset: number) =>
      (await store.list("sim", { limit: 2, offset })).items.map((o) => o.spec.name);
    expect(await names(0)).toEqual(["n3", "n2"]);
    expect(await names(2)).toEqual(["n1"]);
    expect(await store.list("sim", { state: "failed", limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      items: [{ id: ids[0] }],
    });
  });

  it("survives a restart, and marks what was pending as unknown", async () => {
    const { operation } = await store.begin({ env: "sim", user: "u", spec });
    await store.close();
    store = new SqliteOperationStore(file);
    expect(await store.markInterrupted()).toBe(1);
    expect((await store.get("sim", operation.id))?.state).toBe("unknown");
    expect((await store.unsettled("sim", "u")).map((o) => o.id)).toEqual([operation.id]);
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
      error: { origin: "network", status: 504, message: "late" },
      settleAfter: 5_000,
      nextCheck: 1_000,
    });
    expect(await store.open(operation.id)).toMatchObject({
      namesBefore: ["vm-7"],
      sealedSession: "sealed-1",
      settleAfter: 5_000,
    });
    expect(await store.due(999)).toEqual([]);
    expect((await store.due(1_000)).map((o) => o.operation.id)).toEqual([operation.id]);

    await store.sessionRefused(operation.id, "fp-dead");
    expect((await store.open(operation.id))!.sealedSession).toBeUndefined();
    expect(await store.due(Date.now())).toEqual([]);
    expect(await store.waitingForSession("sim", "u")).toBe(true);
    expect(await store.adoptSession("sim", "u", "sealed-again", "fp-dead", 2_000)).toBe(0);
    expect(await store.adoptSession("sim", "other", "sealed-2", "fp-new", 2_000)).toBe(0);
    expect(await store.adoptSession("sim", "u", "sealed-2", "fp-new", 2_000)).toBe(1);
    expect((await store.due(2_000)).map((o) => o.sealedSession)).toEqual(["sealed-2"]);

    await store.finish(operation.id, { state: "succeeded", vm: "vm-9", settledBy: "lookup" });
    expect((await store.open(operation.id))!.sealedSession).toBeUndefined();
    expect(await store.due(Date.now())).toEqual([]);
  });

  it("counts a new VM as owned only by another submission of the same name", async () => {
    const mine = (await store.begin({ env: "sim", user: "u", spec })).operation;
    const other = (await store.begin({ env: "sim", user: "u", spec })).operation;
    await store.finish(other.id, { state: "succeeded", vm: "vm-5" });
    const renamed = (await store.begin({ env: "sim", user: "u", spec: { ...spec, name: "x" } }))
      .operation;
    await store.finish(renamed.id, { state: "succeeded", vm: "vm-6" });
    expect(await store.claimed("sim", spec.name, ["vm-5", "vm-6"], mine.id)).toEqual(["vm-5"]);
  });
});
