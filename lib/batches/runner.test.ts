import path from "node:path";

import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";

import { history } from "@/lib/history/store";
import { login } from "@/lib/vcenter/session";

import { acceptBatch } from "./accept";
import { cancelBatch, retryBatch } from "./actions";
import { batchStore } from "./batch-store";
import { resumeBatches } from "./recovery";
import { itemKey } from "./runner";
import { batchConsolePerFile, ENV, until, untilSettled, USER } from "./test-console";

// Batches run against the simulator over real HTTP, with the real SQLite store: what the batch
// says is compared with what the simulator then holds.

const t = batchConsolePerFile("icc-batches-");
const { operator, inSimulator, cloneCalls, storedBatch } = t;
beforeEach(async () => {
  await t.client.call("DELETE", "/__sim/faults");
  await t.client.call("PUT", "/__sim/clone-queue", { body: { clone_ms: 0 } });
});

const body = (pattern: string, count: number, extra: Record<string, unknown> = {}) => ({
  spec: { source: "vm-1023" },
  names: { pattern, count },
  concurrency: 2,
  ...extra,
});

describe("batches", () => {
  it("makes every clone of a pattern, each recorded in the history", async () => {
    const { id } = await acceptBatch(t.ctx, {
      env: ENV,
      operator: operator(),
      body: body("run-{n:fixed=2}", 7),
    });
    const kept = (await batchStore().owner(id))?.sealedSession;
    expect(kept).toBeDefined();
    expect(kept).not.toContain(t.ctx.session);
    const batch = await untilSettled(id);
    expect(batch.state).toBe("done");
    expect(batch.counts).toMatchObject({ succeeded: 7, failed: 0, pending: 0, running: 0 });
    expect(batch.items.map((i) => i.name)).toEqual(
      ["01", "02", "03", "04", "05", "06", "07"].map((n) => `run-${n}`),
    );
    expect((await inSimulator("run-")).sort()).toEqual(batch.items.map((i) => i.name));
    // The operator's sealed session is kept only while the batch runs.
    expect((await batchStore().owner(id))?.sealedSession).toBeUndefined();
    for (const item of batch.items)
      expect(await history().get(ENV, item.operation!)).toMatchObject({
        state: "succeeded",
        vm: item.vm,
      });
  });

  it("keeps the environment's maxConcurrentClones (3 here) above a batch's concurrency of 8", async () => {
    await t.client.call("PUT", "/__sim/clone-queue", { body: { clone_ms: 100 } });
    const { id } = await acceptBatch(t.ctx, {
      env: ENV,
      operator: operator(),
      body: body("mx-{n}", 9, { concurrency: 8 }),
    });
    expect((await untilSettled(id)).counts.succeeded).toBe(9);
    const { peak } = (await t.client.call("GET", "/__sim/clone-queue")).body as { peak: number };
    expect(peak).toBe(3);
  });

  it("refuses names already taken before any clone is sent", async () => {
    const before = await cloneCalls();
    await expect(
      acceptBatch(t.ctx, { env: ENV, operator: operator(), body: body("run-{n:fixed=2}", 3) }),
    ).rejects.toMatchObject({
      status: 409,
      fieldErrors: { names: expect.stringContaining("run-01") },
    });
    expect(await cloneCalls()).toBe(before);
  });

  it("refuses a manual MAC range that would overflow, naming the NIC's field", async () => {
    await expect(
      acceptBatch(t.ctx, {
        env: ENV,
        operator: operator(),
        body: body("mac-{n}", 3, {
          spec: {
            source: "vm-1023",
            nics_to_update: { "4000": { mac_type: "MANUAL", mac_address: "00:50:56:3f:ff:fe" } },
          },
        }),
      }),
    ).rejects.toMatchObject({
      status: 400,
      fieldErrors: { "spec.nics_to_update.4000.mac_address": expect.any(String) },
    });
  });

  it("cancels: queued clones are not sent, running ones finish and are recorded", async () => {
    await t.client.call("PUT", "/__sim/clone-queue", { body: { clone_ms: 200 } });
    const { id } = await acceptBatch(t.ctx, {
      env: ENV,
      operator: operator(),
      body: body("cx-{n}", 12),
    });
    await until(id, (b) => b.counts.succeeded >= 2);
    await cancelBatch(ENV, id, operator());
    const batch = await untilSettled(id);
    expect(batch.state).toBe("cancelled");
    expect(batch.counts.cancelled).toBeGreaterThan(0);
    expect(batch.counts.succeeded + batch.counts.cancelled).toBe(12);
    const made = batch.items.filter((i) => i.state === "succeeded").map((i) => i.name);
    expect((await inSimulator("cx-")).sort()).toEqual(made.sort());
  });

  it("retries failed clones once vCenter accepts them, never making one twice", async () => {
    await t.client.call("POST", "/__sim/faults", {
      body: {
        match: { method: "POST", path: "/api/vcenter/vm?action=instant-clone" },
        kind: "error",
        status: 403,
        times: 3,
      },
    });
    const { id } = await acceptBatch(t.ctx, {
      env: ENV,
      operator: operator(),
      body: body("rt-{n}", 6),
    });
    let batch = await untilSettled(id);
    expect(batch.counts).toMatchObject({ succeeded: 3, failed: 3 });
    expect(batch.items.find((i) => i.state === "failed")?.error?.origin).toBe("vcenter");
    await retryBatch(t.ctx, ENV, id, operator());
    batch = await untilSettled(id);
    expect(batch).toMatchObject({ state: "done", counts: { succeeded: 6, failed: 0 } });
    expect(batch.items.filter((i) => i.attempt === 2)).toHaveLength(3);
    expect((await inSimulator("rt-")).sort()).toEqual(batch.items.map((i) => i.name).sort());
  });

  it("fails the clones not yet sent with vCenter's UNAUTHENTICATED when the session ends, and retries after a new login", async () => {
    const session = await login(t.ctx.runtime, "administrator@vsphere.local", "VMware1!");
    await t.client.call("PUT", "/__sim/clone-queue", { body: { clone_ms: 150 } });
    const { id } = await acceptBatch(t.ctx, {
      env: ENV,
      operator: { token: session, user: USER },
      body: body("ua-{n}", 10),
    });
    await until(id, (b) => b.counts.succeeded >= 1);
    await t.client.call("DELETE", "/api/session", { token: session });
    let batch = await untilSettled(id);
    const failed = batch.items.filter((i) => i.state === "failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].error).toMatchObject({ origin: "vcenter", status: 401 });
    expect(batch.counts.succeeded + batch.counts.failed).toBe(10);
    await retryBatch(t.ctx, ENV, id, operator());
    batch = await untilSettled(id);
    expect(batch.counts.succeeded).toBe(10);
    expect((await inSimulator("ua-")).sort()).toEqual(batch.items.map((i) => i.name).sort());
  });

  it("answers the same batch for the same Idempotency-Key, sending nothing again", async () => {
    const input = {
      env: ENV,
      operator: operator(),
      body: body("ik-{n}", 2),
      idempotencyKey: "batch-key-0001",
    };
    const first = await acceptBatch(t.ctx, input);
    await untilSettled(first.id);
    const calls = await cloneCalls();
    const again = await acceptBatch(t.ctx, input);
    expect(again).toEqual({ id: first.id, created: false });
    expect(await cloneCalls()).toBe(calls);
  });

  it("resumes after a stop: a clone recorded as sent is never resent, one never sent is sent once", async () => {
    const { store, specs, id } = await storedBatch(["rs-1", "rs-2", "rs-3"]);
    // The stopped console had sent rs-1 (made, recorded) and claimed rs-2 without sending it.
    const sent = (await store.claimNext(id))!;
    const made = await t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
      token: t.token,
      body: specs[0],
    });
    const { operation } = await history().begin({
      env: ENV,
      user: USER,
      spec: specs[0],
      idempotencyKey: itemKey(id, sent),
    });
    await history().finish(operation.id, { state: "succeeded", vm: made.body as string });
    await store.setOperation(id, sent.index, operation.id);
    await store.claimNext(id);
    const before = await cloneCalls();
    expect(await resumeBatches()).toBeGreaterThanOrEqual(1);
    const batch = await untilSettled(id);
    expect(batch.counts.succeeded).toBe(3);
    expect(batch.items[0]).toMatchObject({ vm: made.body, operation: operation.id });
    expect(await cloneCalls()).toBe(before + 2);
    expect((await inSimulator("rs-")).sort()).toEqual(["rs-1", "rs-2", "rs-3"]);
  });

  it("resumes clones a stopped console left in flight: the sent one is looked up, the one it never sent goes again", async () => {
    const { store, specs, id } = await storedBatch(["rf-1", "rf-2", "rf-3"]);
    // The stopped console had recorded both submissions; it had sent rf-1 (vCenter made it, the
    // console never heard back) and stopped before it sent rf-2 (no names recorded before it).
    const [first, second] = [(await store.claimNext(id))!, (await store.claimNext(id))!];
    const begin = (index: number, item: typeof first) =>
      history().begin({
        env: ENV,
        user: USER,
        spec: specs[index]!,
        idempotencyKey: itemKey(id, item),
        sealedSession: "unused",
      });
    const sent = (await begin(0, first)).operation;
    await history().recordNamesBefore(sent.id, []);
    const made = await t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
      token: t.token,
      body: specs[0],
    });
    const unsent = (await begin(1, second)).operation;
    // Both were the stopped console's, not this one's: its start marks them unknown.
    const file = new Database(path.join(process.env.CONSOLE_DATA_DIR!, "history.sqlite"));
    file
      .prepare("UPDATE operations SET owner = 'a-stopped-console' WHERE id IN (?, ?)")
      .run(sent.id, unsent.id);
    file.close();
    expect(await history().markInterrupted()).toBe(2);
    const before = await cloneCalls();
    expect(await resumeBatches()).toBeGreaterThanOrEqual(1);
    const batch = await untilSettled(id);
    expect(batch.counts.succeeded).toBe(3);
    // rf-1 found by evidence, never sent again; rf-2 settled as not made, then sent as attempt 2.
    expect(batch.items[0]).toMatchObject({ vm: made.body, operation: sent.id, attempt: 1 });
    expect(await history().get(ENV, sent.id)).toMatchObject({ state: "succeeded", vm: made.body });
    expect(await history().get(ENV, unsent.id)).toMatchObject({ state: "failed" });
    expect(batch.items[1]).toMatchObject({ state: "succeeded", attempt: 2 });
    expect(batch.items[1]!.operation).not.toBe(unsent.id);
    expect(await cloneCalls()).toBe(before + 2);
    expect((await inSimulator("rf-")).sort()).toEqual(["rf-1", "rf-2", "rf-3"]);
  });
});
