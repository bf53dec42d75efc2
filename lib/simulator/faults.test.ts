import { describe, expect, it } from "vitest";

import { simulatorPerFile } from "./test-support";

const t = simulatorPerFile("clear-faults-after-each");

const CLONE = "/api/vcenter/vm?action=instant-clone";
const addFault = (fault: unknown) => t.client.call("POST", "/__sim/faults", { body: fault });
const cloneCount = async (name: string) =>
  (
    (await t.client.call("GET", `/api/vcenter/vm?names=${name}`, { token: t.token }))
      .body as unknown[]
  ).length;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

describe("fault injection", () => {
  it("delays the next matching call only, by default", async () => {
    expect(
      (await addFault({ match: { path: "/api/vcenter/vm" }, kind: "latency", ms: 300 })).status,
    ).toBe(201);
    const [slow, slowMs] = await timed(() =>
      t.client.call("GET", "/api/vcenter/vm", { token: t.token }),
    );
    expect(slow.status).toBe(200);
    expect(slowMs).toBeGreaterThanOrEqual(290);
    // Used up by that one call: nothing is left to delay the next (an upper time bound here
    // would only measure how loaded the machine is).
    expect((await t.client.call("GET", "/__sim/faults")).body).toEqual([]);
    expect((await t.client.call("GET", "/api/vcenter/vm", { token: t.token })).status).toBe(200);
  });

  it("keeps a latency with times 0 until the faults are cleared", async () => {
    await addFault({
      match: { method: "GET", path: "/api/vcenter/datastore" },
      kind: "latency",
      ms: 150,
      times: 0,
    });
    for (let i = 0; i < 3; i++)
      expect(
        (await timed(() => t.client.call("GET", "/api/vcenter/datastore", { token: t.token })))[1],
      ).toBeGreaterThanOrEqual(140);
    expect((await t.client.call("GET", "/__sim/faults")).body).toEqual([
      expect.objectContaining({ kind: "latency", remaining: null, hits: 3 }),
    ]);
    await t.client.call("DELETE", "/__sim/faults");
    expect((await t.client.call("GET", "/__sim/faults")).body).toEqual([]);
  });

  it("answers a vCenter-like error for the given status, on matching method and path only", async () => {
    await addFault({
      match: { method: "POST", path: CLONE },
      kind: "error",
      status: 503,
      times: 2,
    });
    expect((await t.client.call("GET", "/api/vcenter/vm", { token: t.token })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const reply = await t.client.call("POST", CLONE, {
        token: t.token,
        body: { source: "vm-1001", name: "ic-503" },
      });
      expect(reply.status).toBe(503);
      expect(reply.body).toEqual({
        error_type: "SERVICE_UNAVAILABLE",
        messages: [
          { id: "vapi.server.unavailable", default_message: "Service not available", args: [] },
        ],
      });
    }
    expect(await cloneCount("ic-503")).toBe(0);
    expect(
      (
        await t.client.call("POST", CLONE, {
          token: t.token,
          body: { source: "vm-1001", name: "ic-503" },
        })
      ).status,
    ).toBe(200);
  });

  it("answers the given body as is", async () => {
    await addFault({
      match: { path: "/api/session" },
      kind: "error",
      status: 500,
      body: { custom: true },
    });
    expect(await t.client.call("GET", "/api/session", { token: t.token })).toMatchObject({
      status: 500,
      body: { custom: true },
    });
  });

  it("drops the connection before the clone happens", async () => {
    await addFault({ match: { path: CLONE }, kind: "drop" });
    await expect(
      t.client.call("POST", CLONE, {
        token: t.token,
        body: { source: "vm-1001", name: "ic-drop" },
      }),
    ).rejects.toThrow();
    expect(await cloneCount("ic-drop")).toBe(0);
  });

  it("drops the connection after the clone happened, with after: true", async () => {
    await addFault({ match: { path: CLONE }, kind: "drop", after: true });
    await expect(
      t.client.call("POST", CLONE, {
        token: t.token,
        body: { source: "vm-1001", name: "ic-drop-after" },
      }),
    ).rejects.toThrow();
    expect(await cloneCount("ic-drop-after")).toBe(1);
  });

  it("hangs without answering, while other calls go on", async () => {
    await addFault({ match: { path: CLONE }, kind: "hang" });
    const hung = t.client.call("POST", CLONE, {
      token: t.token,
      body: { source: "vm-1001", name: "ic-hang" },
      signal: AbortSignal.timeout(300),
    });
    expect(
      (await t.client.call("GET", "/api/vcenter/vm?names=prod-web-01", { token: t.token })).status,
    ).toBe(200);
    await expect(hung).rejects.toThrow();
    expect(await cloneCount("ic-hang")).toBe(0);
  });

  it("hangs after the clone happened, with after: true", async () => {
    await addFault({ match: { path: CLONE }, kind: "hang", after: true });
    const body = { source: "vm-1001", name: "ic-hang-after" };
    const hung = t.client.call("POST", CLONE, {
      token: t.token,
      body,
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    expect(await cloneCount("ic-hang-after")).toBe(1);
  });

  it("answers an error after the clone happened, with after: true", async () => {
    await addFault({ match: { path: CLONE }, kind: "error", status: 500, after: true });
    const reply = await t.client.call("POST", CLONE, {
      token: t.token,
      body: { source: "vm-1001", name: "ic-500-after" },
    });
    expect(reply.status).toBe(500);
    expect(reply.body).toMatchObject({ error_type: "INTERNAL_SERVER_ERROR" });
    expect(await cloneCount("ic-500-after")).toBe(1);
  });

  it("refuses a malformed fault with 400", async () => {
    for (const bad of [
      { kind: "explode" },
      { kind: "error", status: 99 },
      { kind: "latency", times: -1 },
      { kind: "drop", match: "x" },
    ])
      expect((await addFault(bad)).status).toBe(400);
  });
});

describe("the calls log", () => {
  it("records what reached the simulator, faults included, and resets", async () => {
    expect((await t.client.call("DELETE", "/__sim/calls")).status).toBe(204);
    await t.client.call("GET", "/api/vcenter/vm?names=prod-web-01", { token: t.token });
    await addFault({ match: { path: CLONE }, kind: "drop" });
    await t.client
      .call("POST", CLONE, { token: t.token, body: { source: "vm-1001", name: "ic-log" } })
      .catch(() => undefined);
    const { body } = await t.client.call("GET", "/__sim/calls");
    expect(body).toEqual({
      count: 2,
      calls: [
        expect.objectContaining({
          method: "GET",
          path: "/api/vcenter/vm",
          query: "names=prod-web-01",
          operation: "vcenter.vm.list",
          status: 200,
        }),
        expect.objectContaining({
          method: "POST",
          operation: "vcenter.vm.instant_clone",
          status: null,
          fault: "drop",
        }),
      ],
    });
    const clones = await t.client.call("GET", "/__sim/calls?operation=vcenter.vm.instant_clone");
    expect(clones.body).toMatchObject({ count: 1 });
    await t.client.call("DELETE", "/__sim/calls");
    expect(
      (await t.client.call("GET", "/__sim/calls?operation=vcenter.vm.instant_clone")).body,
    ).toEqual({ count: 0, calls: [] });
  });
});

describe("PATCH /__sim/vms/{vm}", () => {
  it("changes a VM's power state for a test, and reset restores it", async () => {
    const patched = await t.client.call("PATCH", "/__sim/vms/vm-1001", {
      body: { power_state: "POWERED_OFF" },
    });
    expect(patched.body).toMatchObject({
      vm: "vm-1001",
      power_state: "POWERED_OFF",
      instant_clone_frozen: false,
    });
    expect(
      (
        await t.client.call("POST", CLONE, {
          token: t.token,
          body: { source: "vm-1001", name: "ic-off" },
        })
      ).status,
    ).toBe(400);
    await t.client.call("POST", "/__sim/reset");
    expect(
      (await t.client.call("GET", "/api/vcenter/vm/vm-1001/power", { token: t.token })).body,
    ).toEqual({
      state: "POWERED_ON",
    });
  });
});
