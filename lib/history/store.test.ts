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
});
