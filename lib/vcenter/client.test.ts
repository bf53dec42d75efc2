import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningSimulator } from "@/lib/simulator";

import type { VcenterContext } from "./context";
import { NetworkError, VcenterError } from "./errors";
import { instantClone } from "./instant-clone";
import { listVms } from "./inventory";
import { listDatastores, listFolders, listNetworks, listResourcePools } from "./placement-lists";
import { currentUser, login, logout } from "./session";
import { simulatorContext } from "./test-runtime";
import { getVm } from "./vm";

let sim: RunningSimulator;
let ctx: VcenterContext;

beforeAll(async () => {
  ({ sim, ctx } = await simulatorContext());
});
afterAll(async () => sim.close());

const control = (path: string, init?: RequestInit) => fetch(`${sim.url}/__sim/${path}`, init);
const vmNamed = async (name: string) =>
  (await listVms(ctx, { q: name, limit: 5 })).items.find((v) => v.name === name)!;

describe("the vCenter client against the simulator", () => {
  it("logs in, says who is logged in, and logs out", async () => {
    const token = await login(ctx.runtime, "operator@vsphere.local", "VMware1!");
    expect(await currentUser(ctx.runtime, token)).toMatch(/operator/i);
    await logout(ctx.runtime, token);
    await expect(currentUser(ctx.runtime, token)).rejects.toMatchObject({
      status: 401,
      errorType: "UNAUTHENTICATED",
    });
  });

  it("refuses a wrong password with vCenter's UNAUTHENTICATED", async () => {
    await expect(login(ctx.runtime, "administrator@vsphere.local", "nope")).rejects.toBeInstanceOf(
      VcenterError,
    );
  });

  it("lists VMs by name fragment and power state, sorted, with a total", async () => {
    const on = await listVms(ctx, { powerState: "POWERED_ON", limit: 1000 });
    expect(on.items.every((vm) => vm.power_state === "POWERED_ON")).toBe(true);
    const web = await listVms(ctx, { q: "PROD-WEB", limit: 1 });
    expect(web.total).toBe(2);
    expect(web.items.map((v) => v.name)).toEqual(["prod-web-01"]);
  });

  it("reads a VM with its NICs and serial and parallel ports, keyed", async () => {
    const vm = await getVm(ctx, (await vmNamed("dev-ubuntu-01")).vm);
    expect(vm.nics.map((n) => n.key)).toEqual(["4000"]);
    expect(vm.serial_ports[0]).toMatchObject({ key: "9000", backing: { type: "FILE" } });
    expect(vm.parallel_ports[0]).toMatchObject({ backing: { type: "FILE" } });
    expect(vm.nics[0].backing).toMatchObject({
      type: "STANDARD_PORTGROUP",
      network: "network-12",
      network_name: "VM Network",
    });
  });

  it("lists VM folders, pools, datastores and networks by name", async () => {
    expect((await listFolders(ctx)).map((f) => f.name)).toContain("Prod");
    expect((await listResourcePools(ctx)).length).toBeGreaterThan(0);
    expect((await listDatastores(ctx))[0]).toEqual(
      expect.objectContaining({ free_space: expect.any(Number), capacity: expect.any(Number) }),
    );
    expect(new Set((await listNetworks(ctx)).map((n) => n.type))).toEqual(
      new Set(["STANDARD_PORTGROUP", "DISTRIBUTED_PORTGROUP", "OPAQUE_NETWORK"]),
    );
  });

  it("instant-clones and answers the new VM's id", async () => {
    const source = await vmNamed("dev-ubuntu-01");
    const id = await instantClone(ctx, { source: source.vm, name: "client-test-01" });
    expect((await getVm(ctx, id)).name).toBe("client-test-01");
  });

  it("never retries an instant clone: one call, even when it fails", async () => {
    const source = await vmNamed("dev-ubuntu-01");
    await control("calls", { method: "DELETE" });
    await control("faults", {
      method: "POST",
      body: JSON.stringify({ match: { method: "POST", path: "/api/vcenter/vm" }, kind: "drop" }),
    });
    await expect(
      instantClone(ctx, { source: source.vm, name: "client-drop" }),
    ).rejects.toBeInstanceOf(NetworkError);
    const { calls } = (await (await control("calls")).json()) as { calls: { method: string }[] };
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1);
  });

  it("turns a hang into a 504 NetworkError after the timeout", async () => {
    await control("faults", {
      method: "POST",
      body: JSON.stringify({ match: { path: "/api/vcenter/folder" }, kind: "hang" }),
    });
    const started = Date.now();
    const fast = { ...ctx, runtime: { ...ctx.runtime, timeouts: { read: 500, clone: 500 } } };
    await expect(listFolders(fast)).rejects.toMatchObject({ status: 504, causeCode: "ETIMEDOUT" });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe("a vCenter with more VMs than its list cap", () => {
  let big: Awaited<ReturnType<typeof simulatorContext>>;
  beforeAll(async () => {
    big = await simulatorContext({ vms: 50_000 }, "administrator@vsphere.local", {
      read: 20_000,
      clone: 20_000,
    });
  }, 60_000);
  afterAll(async () => big.sim.close());

  it("still lists and searches every VM, asking in parts", async () => {
    const all = await listVms(big.ctx, { limit: 10 });
    expect(all.total).toBeGreaterThanOrEqual(50_000);
    const one = await listVms(big.ctx, { q: "prod-web-01", limit: 10 });
    expect(one.items.map((v) => v.name)).toContain("prod-web-01");
  });
});
