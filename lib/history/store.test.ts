import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { HistoryStore } from "./store";

const spec = { source: "vm-1001", name: "hist-1" };
let file: string;
let store: HistoryStore;

beforeEach(() => {
  file = path.join(mkdtempSync(path.join(tmpdir(), "icc-history-")), "history.sqlite");
  store = new HistoryStore(file);
});
afterEach(() => store.close());

describe("HistoryStore", () => {
  it("records a submission as pending before it is sent, then its outcome", () => {
    const { operation, created } = store.begin({ env: "sim", user: "VSPHERE.LOCAL\\admin", spec });
    expect(created).toBe(true);
    expect(store.get("sim", operation.id)).toMatchObject({ state: "pending", spec });
    const done = store.finish(operation.id, { state: "succeeded", vm: "vm-2001" });
    expect(done).toMatchObject({ state: "succeeded", vm: "vm-2001" });
    expect(done.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("maps one idempotency key to one operation per environment and user", () => {
    const first = store.begin({ env: "sim", user: "u", spec, idempotencyKey: "key-12345678" });
    const again = store.begin({ env: "sim", user: "u", spec, idempotencyKey: "key-12345678" });
    expect(again).toEqual({ operation: first.operation, created: false });
    expect(
      store.begin({ env: "lab", user: "u", spec, idempotencyKey: "key-12345678" }).created,
    ).toBe(true);
    expect(store.list("sim", { limit: 10, offset: 0 }).total).toBe(1);
  });

  it("lists newest first, pages, and filters by outcome", () => {
    const ids = [1, 2, 3].map(
      (n) => store.begin({ env: "sim", user: "u", spec: { ...spec, name: `n${n}` } }).operation.id,
    );
    store.finish(ids[0], {
      state: "failed",
      error: { origin: "vcenter", status: 400, message: "no" },
    });
    expect(store.list("sim", { limit: 2, offset: 0 }).items.map((o) => o.spec.name)).toEqual([
      "n3",
      "n2",
    ]);
    expect(store.list("sim", { limit: 2, offset: 2 }).items.map((o) => o.spec.name)).toEqual([
      "n1",
    ]);
    expect(store.list("sim", { state: "failed", limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      items: [{ id: ids[0] }],
    });
  });

  it("survives a restart, and marks what was pending as unknown", () => {
    const { operation } = store.begin({ env: "sim", user: "u", spec });
    store.close();
    store = new HistoryStore(file);
    expect(store.markInterrupted()).toBe(1);
    expect(store.get("sim", operation.id)?.state).toBe("unknown");
    expect(store.unsettled("sim", "u").map((o) => o.id)).toEqual([operation.id]);
  });

  it("keeps the sealed session only while the outcome is open, and hands open ones a new one", () => {
    const { operation } = store.begin({ env: "sim", user: "u", spec, sealedSession: "sealed-1" });
    store.recordNamesBefore(operation.id, ["vm-7"]);
    store.finish(operation.id, {
      state: "unknown",
      error: { origin: "network", status: 504, message: "late" },
      settleAfter: 5_000,
      nextCheck: 1_000,
    });
    expect(store.open(operation.id)).toMatchObject({
      namesBefore: ["vm-7"],
      sealedSession: "sealed-1",
      settleAfter: 5_000,
    });
    expect(store.due(999)).toEqual([]);
    expect(store.due(1_000).map((o) => o.operation.id)).toEqual([operation.id]);

    store.sessionRefused(operation.id, "fp-dead");
    expect(store.open(operation.id)!.sealedSession).toBeUndefined();
    expect(store.due(Date.now())).toEqual([]);
    expect(store.waitingForSession("sim", "u")).toBe(true);
    expect(store.adoptSession("sim", "u", "sealed-again", "fp-dead", 2_000)).toBe(0);
    expect(store.adoptSession("sim", "other", "sealed-2", "fp-new", 2_000)).toBe(0);
    expect(store.adoptSession("sim", "u", "sealed-2", "fp-new", 2_000)).toBe(1);
    expect(store.due(2_000).map((o) => o.sealedSession)).toEqual(["sealed-2"]);

    store.finish(operation.id, { state: "succeeded", vm: "vm-9", settledBy: "lookup" });
    expect(store.open(operation.id)!.sealedSession).toBeUndefined();
    expect(store.due(Date.now())).toEqual([]);
  });

  it("counts a new VM as owned only by another submission of the same name", () => {
    const mine = store.begin({ env: "sim", user: "u", spec }).operation;
    const other = store.begin({ env: "sim", user: "u", spec }).operation;
    store.finish(other.id, { state: "succeeded", vm: "vm-5" });
    const renamed = store.begin({ env: "sim", user: "u", spec: { ...spec, name: "x" } }).operation;
    store.finish(renamed.id, { state: "succeeded", vm: "vm-6" });
    expect(store.claimed("sim", spec.name, ["vm-5", "vm-6"], mine.id)).toEqual(["vm-5"]);
  });
});
