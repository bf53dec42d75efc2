import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { RunningSimulator } from "@/lib/simulator";
import type { VcenterContext } from "@/lib/vcenter/context";
import { instantClone } from "@/lib/vcenter/instant-clone";
import { login } from "@/lib/vcenter/session";
import { simulatorContext } from "@/lib/vcenter/test-runtime";

import { inventoryCacheStats, resetInventoryCache } from "./cache";
import { readVm } from "./vm-detail";
import { dropInventory, rememberClone, searchVms } from "./vms";

// The cache against the simulator over real HTTP: what it answers, and what it asks vCenter
// (the simulator's call log) for it.

const ADMIN = "administrator@vsphere.local";
let sim: RunningSimulator;
let ctx: VcenterContext;

beforeAll(async () => {
  ({ sim, ctx } = await simulatorContext({ vms: 40 }));
});
afterAll(() => sim.close());
beforeEach(async () => {
  resetInventoryCache();
  await fetch(`${sim.url}/__sim/faults`, { method: "DELETE" });
  await fetch(`${sim.url}/__sim/reset`, { method: "POST" });
  await fetch(`${sim.url}/__sim/calls`, { method: "DELETE" });
});

/** The calls the simulator was asked, by path prefix. */
async function calls(path = "/api/") {
  const res = await fetch(`${sim.url}/__sim/calls?path=${encodeURIComponent(path)}`);
  return ((await res.json()) as { calls: { path: string; query: string }[] }).calls;
}
const clearCalls = () => fetch(`${sim.url}/__sim/calls`, { method: "DELETE" });

/** The simulator's own VM list for one filter (small enough to come in one answer). */
async function direct(query: string): Promise<{ vm: string; name: string }[]> {
  const res = await fetch(`${sim.url}/api/vcenter/vm?${query}`, {
    headers: { "vmware-api-session-id": ctx.session },
  });
  return (await res.json()) as { vm: string; name: string }[];
}
const names = (list: { name: string }[]) => list.map((vm) => vm.name);
const sorted = (list: string[]) =>
  [...list].sort(new Intl.Collator("en", { numeric: true }).compare);

describe("search in the cached inventory", () => {
  it("finds names containing the text in any case, in name order, with the total", async () => {
    const answer = await searchVms(ctx, ADMIN, { q: "PROD-WEB", limit: 1 });
    expect(answer.total).toBe(2);
    expect(names(answer.items)).toEqual(["prod-web-01"]);
    expect(Date.parse(answer.as_of)).not.toBeNaN();
    const all = await searchVms(ctx, ADMIN, { limit: 1000 });
    const everyVm = [
      ...(await direct("power_states=POWERED_ON")),
      ...(await direct("power_states=POWERED_OFF")),
      ...(await direct("power_states=SUSPENDED")),
    ];
    expect(all.total).toBe(everyVm.length);
    expect(names(all.items)).toEqual(sorted(names(everyVm)));
  });

  it("filters by power state, folder and host as vCenter's own filters do", async () => {
    for (const [filter, query] of [
      [{ power_state: "SUSPENDED" as const }, "power_states=SUSPENDED"],
      [{ folder: "group-v30" }, "folders=group-v30"],
      [{ host: "host-9" }, "hosts=host-9"],
      [
        { host: "host-10", power_state: "POWERED_ON" as const },
        "hosts=host-10&power_states=POWERED_ON",
      ],
    ] as const) {
      const answer = await searchVms(ctx, ADMIN, { ...filter, limit: 1000 });
      const expected = await direct(query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(names(answer.items), query).toEqual(sorted(names(expected)));
      for (const item of answer.items) expect(item).toMatchObject(filter);
    }
  });

  it("says which VM sits on which host and in which folder", async () => {
    await searchVms(ctx, ADMIN, { folder: "group-v3", limit: 1 }); // waits for the folders
    const { items } = await searchVms(ctx, ADMIN, { q: "golden-ubuntu-22", limit: 1 });
    expect(items[0]).toMatchObject({ vm: "vm-1007", host: "host-9", folder: "group-v32" });
  });

  it("a failed read by folder fails the folder search only, and the next one reads again", async () => {
    await fetch(`${sim.url}/__sim/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        match: { method: "GET", path: "/api/vcenter/vm?folders=" },
        kind: "error",
        status: 503,
        times: 1,
      }),
    });
    expect((await searchVms(ctx, ADMIN, { q: "prod-web", limit: 5 })).total).toBe(2);
    await expect(searchVms(ctx, ADMIN, { folder: "group-v30", limit: 5 })).rejects.toMatchObject({
      status: 503,
    });
    const prod = await searchVms(ctx, ADMIN, { folder: "group-v30", limit: 50 });
    expect(names(prod.items)).toEqual(sorted(names(await direct("folders=group-v30"))));
  });

  it("answers later searches from memory: no call reaches vCenter", async () => {
    await searchVms(ctx, ADMIN, { power_state: "POWERED_OFF", folder: "group-v30", limit: 5 });
    await clearCalls();
    for (const q of ["db", "lab", "x", ""])
      await searchVms(ctx, ADMIN, { q, power_state: "POWERED_OFF", limit: 50 });
    await searchVms(ctx, ADMIN, { folder: "group-v31", power_state: "SUSPENDED", limit: 50 });
    expect(await calls()).toEqual([]);
    expect(inventoryCacheStats()).toMatchObject({ misses: 1, loads: 1 });
  });
});

describe("one read for many", () => {
  it("20 concurrent searches on a cold cache cause one inventory read", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => searchVms(ctx, ADMIN, { q: `${i % 3}`, limit: 5 })),
    );
    await searchVms(ctx, ADMIN, { folder: "group-v3", limit: 1 }); // the folder read has landed
    expect(new Set(answers.map((a) => a.as_of)).size).toBe(1);
    const hostLists = await calls("/api/vcenter/host");
    const hosts = (await (
      await fetch(`${sim.url}/api/vcenter/host`, {
        headers: { "vmware-api-session-id": ctx.session },
      })
    ).json()) as unknown[];
    const folders = await calls("/api/vcenter/folder");
    const vmLists = await calls("/api/vcenter/vm?");
    expect(hostLists).toHaveLength(1);
    expect(folders).toHaveLength(1);
    // One list per host, then one per VM folder: the read by host and the read by folder.
    expect(vmLists.filter((c) => c.query.startsWith("hosts="))).toHaveLength(hosts.length);
    expect(vmLists.filter((c) => c.query.startsWith("folders=")).length).toBeGreaterThan(0);
    expect(vmLists.length).toBe(
      hosts.length + vmLists.filter((c) => c.query.startsWith("folders=")).length,
    );
  });
});

describe("freshness", () => {
  const cloneDirectly = (name: string) =>
    instantClone(ctx, { source: "vm-1005", name, placement: { folder: "group-v31" } });

  it("an expired inventory answers at once and is read again behind the answer", async () => {
    const config = { ...ctx.runtime.config, inventoryTtlSeconds: 1 };
    const short: VcenterContext = { ...ctx, runtime: { ...ctx.runtime, config } };
    const first = await searchVms(short, ADMIN, { q: "swr-", limit: 10 });
    expect(first.total).toBe(0);
    const vm = await cloneDirectly("swr-made-elsewhere");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const stale = await searchVms(short, ADMIN, { q: "swr-", limit: 10 });
    expect(stale).toMatchObject({ total: 0, as_of: first.as_of });
    expect(inventoryCacheStats().stale).toBe(1);
    let fresh = stale;
    for (let i = 0; i < 100 && fresh.as_of === first.as_of; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      fresh = await searchVms(short, ADMIN, { q: "swr-", limit: 10 });
    }
    expect(fresh.items.map((i) => i.vm)).toEqual([vm]);
    expect(Date.parse(fresh.as_of)).toBeGreaterThan(Date.parse(first.as_of));
  });

  it("refresh waits for a fresh read", async () => {
    await searchVms(ctx, ADMIN, { q: "fresh-", limit: 10 });
    const vm = await cloneDirectly("fresh-made-elsewhere");
    expect((await searchVms(ctx, ADMIN, { q: "fresh-", limit: 10 })).total).toBe(0);
    const fresh = await searchVms(ctx, ADMIN, { q: "fresh-", limit: 10, refresh: true });
    expect(fresh.items.map((i) => i.vm)).toEqual([vm]);
  });

  it("a clone made through the console is in the cache at once", async () => {
    await searchVms(ctx, ADMIN, { folder: "group-v31", limit: 1 });
    const spec = { source: "vm-1005", name: "cache-clone-01", placement: { folder: "group-v31" } };
    const vm = await instantClone(ctx, spec);
    rememberClone("test", ADMIN, spec, vm);
    await clearCalls();
    const { items } = await searchVms(ctx, ADMIN, {
      q: "cache-clone",
      folder: "group-v31",
      limit: 5,
    });
    // dev-ubuntu-01 (vm-1005) runs on host-10: vCenter puts the clone there too.
    expect(items).toEqual([
      expect.objectContaining({
        vm,
        name: "cache-clone-01",
        power_state: "POWERED_ON",
        host: "host-10",
      }),
    ]);
    expect(await calls("/api/vcenter/vm?")).toEqual([]);
    expect(names(await direct(`names=cache-clone-01`))).toEqual(["cache-clone-01"]);
  });

  it("a VM read in full updates its entry", async () => {
    await searchVms(ctx, ADMIN, { q: "lab-off-01", limit: 1 });
    await fetch(`${sim.url}/__sim/vms/vm-1011`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ power_state: "POWERED_ON", instant_clone_frozen: true }),
    });
    await readVm(ctx, "test", ADMIN, "vm-1011");
    const { items } = await searchVms(ctx, ADMIN, { q: "lab-off-01", limit: 1 });
    expect(items[0]).toMatchObject({ power_state: "POWERED_ON", instant_clone_frozen: true });
  });

  it("logout drops the user's inventory: the next search reads vCenter again", async () => {
    await searchVms(ctx, ADMIN, { limit: 1 });
    dropInventory("test", ADMIN.toUpperCase());
    expect(inventoryCacheStats()).toMatchObject({ entries: 0, bytes: 0 });
    await clearCalls();
    await searchVms(ctx, ADMIN, { limit: 1 });
    expect(await calls("/api/vcenter/host")).toHaveLength(1);
  });
});

describe("bounded memory", () => {
  it("keeps inventories within the byte budget, evicting the least recently used", async () => {
    const operator = await login(ctx.runtime, "operator@vsphere.local", "VMware1!");
    const asOperator: VcenterContext = { ...ctx, session: operator };
    await searchVms(ctx, ADMIN, { folder: "group-v3", limit: 1 });
    const one = inventoryCacheStats().bytes;
    expect(one).toBeGreaterThan(0);
    resetInventoryCache(Math.floor(one * 1.5));
    await searchVms(ctx, ADMIN, { folder: "group-v3", limit: 1 });
    await searchVms(asOperator, "operator@vsphere.local", { folder: "group-v3", limit: 1 });
    expect(inventoryCacheStats()).toMatchObject({ entries: 1, evictions: 1 });
    expect(inventoryCacheStats().bytes).toBeLessThanOrEqual(Math.floor(one * 1.5));
    await clearCalls();
    // The operator's is the one kept; the administrator's was evicted and is read again.
    await searchVms(asOperator, "operator@vsphere.local", { limit: 1, power_state: "SUSPENDED" });
    expect(await calls("/api/vcenter/host")).toHaveLength(0);
    await searchVms(ctx, ADMIN, { limit: 1, power_state: "SUSPENDED" });
    expect(await calls("/api/vcenter/host")).toHaveLength(1);
  });
});
