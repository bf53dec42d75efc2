import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningSimulator } from "@/lib/simulator";
import type { VcenterContext } from "@/lib/vcenter/context";
import { instantClone } from "@/lib/vcenter/instant-clone";
import { login } from "@/lib/vcenter/session";
import { simulatorContext } from "@/lib/vcenter/test-runtime";

// Before the store is first opened: a history of this test's own.
process.env.CONSOLE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "icc-after-"));

const { history } = await import("@/lib/history/store");
const { deleteClone } = await import("./delete-clone");
const { followGuest } = await import("./follow-guest");
const { keepSourceIdentity, readSourceIdentity } = await import("./source-identity");
const { withAfterlife } = await import("./annotate");

const ENV = "after";
let sim: RunningSimulator;
let ctx: VcenterContext;

beforeAll(async () => {
  ({ sim, ctx } = await simulatorContext({ guestReadyMs: 1500 }));
  ctx.runtime.config = { ...ctx.runtime.config, id: ENV };
});
afterAll(() => sim.close());

const control = (method: string, p: string, body?: unknown) =>
  fetch(`${sim.url}/__sim/${p}`, {
    method,
    ...(body
      ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
      : {}),
  });
async function callsTo(vm: string): Promise<string[]> {
  const { calls } = (await (await control("GET", "calls")).json()) as {
    calls: { method: string; path: string; operation: string }[];
  };
  return calls.filter((c) => c.path.includes(`/${vm}`)).map((c) => c.operation);
}

/** A clone made and recorded as the instant-clone route does it. */
async function recordedClone(source: string, name: string): Promise<string> {
  const identity = await readSourceIdentity(ctx, source);
  const { operation } = await history().begin({ env: ENV, user: "admin", spec: { source, name } });
  const vm = await instantClone(ctx, { source, name });
  await history().finish(operation.id, { state: "succeeded", vm });
  await keepSourceIdentity(operation.id, identity);
  return vm;
}

async function followUntilSettled(vm: string, readyTimeoutSeconds = 60) {
  for (let i = 0; i < 100; i++) {
    const guest = await followGuest(ctx, ENV, vm, readyTimeoutSeconds);
    if (guest.clone?.state !== "waiting") return guest;
    await sleep(50);
  }
  throw new Error("still waiting");
}

describe("following a clone's guest", () => {
  it("waits for Tools, then keeps Ready with the source's IP and names the clash", async () => {
    const vm = await recordedClone("vm-1007", "follow-plain-1");
    const first = await followGuest(ctx, ENV, vm, 60);
    expect(first).toMatchObject({
      tools: "NOT_RUNNING",
      ready: false,
      clone: { state: "waiting" },
    });
    const guest = await followUntilSettled(vm);
    expect(guest).toMatchObject({
      tools: "RUNNING",
      ready: true,
      host_name: "golden-ubuntu-22.lab.example",
      ip_address: "10.0.3.17",
      clone: {
        state: "ready",
        clash: {
          source: "vm-1007",
          host_name: "golden-ubuntu-22.lab.example",
          ip_address: "10.0.3.17",
        },
      },
    });
    expect(guest.interfaces?.[0].ip_addresses).toEqual(["10.0.3.17"]);
    const kept = await withAfterlife((await history().cloneOfVm(ENV, vm))!);
    expect(kept.guest).toMatchObject({ state: "ready", ip_address: "10.0.3.17" });
    expect(kept.guest?.ready_after_ms).toBeGreaterThanOrEqual(0);
  });

  it("finds no clash for a clone of a re-identifying source", async () => {
    const vm = await recordedClone("vm-1008", "follow-fresh-1");
    const guest = await followUntilSettled(vm);
    expect(guest.clone?.state).toBe("ready");
    expect(guest.host_name).toBe("follow-fresh-1.lab.example");
    expect(guest.clone?.clash).toBeUndefined();
  });

  it("says not ready past the environment's limit, and keeps it", async () => {
    const vm = await recordedClone("vm-1007", "follow-silent-1");
    await control("PATCH", `vms/${vm}`, { tools_running: false });
    await sleep(1100);
    const guest = await followUntilSettled(vm, 1);
    expect(guest).toMatchObject({
      ready: false,
      clone: { state: "not_ready", timeout_seconds: 1 },
    });
    expect((await withAfterlife((await history().cloneOfVm(ENV, vm))!)).guest?.state).toBe(
      "not_ready",
    );
  });

  it("records nothing for a VM the console did not make", async () => {
    const guest = await followGuest(ctx, ENV, "vm-1001");
    expect(guest).toMatchObject({ ready: true, tools: "RUNNING" });
    expect(guest.clone).toBeUndefined();
  });
});

describe("deleting a clone", () => {
  it("refuses a VM the console did not make, before anything reaches vCenter", async () => {
    await control("DELETE", "calls");
    await expect(
      deleteClone(ctx, { env: ENV, user: "admin", vm: "vm-1001" }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("not a clone this console made"),
    });
    expect(await callsTo("vm-1001")).toEqual([]);
  });

  it("powers off, deletes, records it, and answers the same deletion again without vCenter", async () => {
    const vm = await recordedClone("vm-1007", "gone-once-1");
    const deletion = await deleteClone(ctx, { env: ENV, user: "admin", vm });
    expect(deletion).toMatchObject({ state: "succeeded", vm, user: "admin" });
    expect(await callsTo(vm)).toEqual(
      expect.arrayContaining(["vcenter.vm.power.stop", "vcenter.vm.delete"]),
    );
    const reply = await fetch(`${sim.url}/api/vcenter/vm/${vm}`, {
      headers: { "vmware-api-session-id": ctx.session },
    });
    expect(reply.status).toBe(404);
    await control("DELETE", "calls");
    expect(await deleteClone(ctx, { env: ENV, user: "admin", vm })).toEqual(deletion);
    expect(await callsTo(vm)).toEqual([]);
    expect((await withAfterlife((await history().cloneOfVm(ENV, vm))!)).deletion).toEqual(deletion);
  });

  it("counts a VM already gone as deleted", async () => {
    const vm = await recordedClone("vm-1007", "gone-before-1");
    await fetch(`${sim.url}/api/vcenter/vm/${vm}/power?action=stop`, {
      method: "POST",
      headers: { "vmware-api-session-id": ctx.session },
    });
    await fetch(`${sim.url}/api/vcenter/vm/${vm}`, {
      method: "DELETE",
      headers: { "vmware-api-session-id": ctx.session },
    });
    expect(await deleteClone(ctx, { env: ENV, user: "admin", vm })).toMatchObject({
      state: "succeeded",
      already_gone: true,
    });
  });

  it("records vCenter's refusal for a user without the privilege, then lets another try", async () => {
    const vm = await recordedClone("vm-1007", "kept-1");
    const readonly = {
      ...ctx,
      session: await login(ctx.runtime, "readonly@vsphere.local", "VMware1!"),
    };
    const refused = await deleteClone(readonly, { env: ENV, user: "readonly", vm });
    expect(refused).toMatchObject({
      state: "failed",
      error: { origin: "vcenter", status: 403, message: expect.stringContaining("not deleted") },
    });
    expect(JSON.stringify(refused.error?.vcenter)).toContain("VirtualMachine.Interact.PowerOff");
    expect(await deleteClone(ctx, { env: ENV, user: "admin", vm })).toMatchObject({
      state: "succeeded",
    });
  });

  it("refuses an id that no longer names the clone the console made, before any power off", async () => {
    const vm = await recordedClone("vm-1007", "renamed-1");
    const { operation } = await history().begin({
      env: ENV,
      user: "admin",
      spec: { source: "vm-1007", name: "someone-else-1" },
    });
    await history().finish(operation.id, { state: "succeeded", vm }); // newer record, another name
    await control("DELETE", "calls");
    await expect(deleteClone(ctx, { env: ENV, user: "admin", vm })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('now named "renamed-1"'),
    });
    expect(await callsTo(vm)).toEqual(["vcenter.vm.get"]);
  });

  it("settles a lost answer by looking the VM up, never by sending again", async () => {
    const vm = await recordedClone("vm-1007", "lost-answer-1");
    await control("POST", "faults", {
      match: { method: "DELETE", path: `/api/vcenter/vm/${vm}` },
      kind: "drop",
      after: true,
    });
    const deletion = await deleteClone(ctx, { env: ENV, user: "admin", vm });
    expect(deletion).toMatchObject({ state: "succeeded", settled_by: "lookup" });
    expect((await callsTo(vm)).filter((op) => op === "vcenter.vm.delete")).toHaveLength(1);
  });
});
