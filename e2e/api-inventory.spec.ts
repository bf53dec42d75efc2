import type { APIRequestContext } from "@playwright/test";

import { simCalls, simLogin, simVmsNamed } from "./direct-simulator";
import { expect, loginAs, test, uniqueName, USERS } from "./fixtures";
import { inventorySimUrl } from "./ports";

// The inventory cache through the console: the lists' shape ({items, total, as_of}), searches
// answered without vCenter once the inventory is read, a clone in the list at once, a fresh
// read on request, logout dropping the user's inventory, bad queries refused before vCenter.
// Serial, on an environment ("inventory") and simulator no other spec uses: the simulator's
// call log is counted.
test.describe.configure({ mode: "serial" });

const E = "/api/environments/inventory";
const VM_LISTS = "vcenter.vm.list";
const HOST_LISTS = "vcenter.host.list";

type Item = { vm: string; name: string; power_state: string; host?: string; folder?: string };
type Page<T> = { items: T[]; total: number; as_of: string };

const resetCalls = () => fetch(`${inventorySimUrl}/__sim/calls`, { method: "DELETE" });

async function get<T>(api: APIRequestContext, path: string): Promise<T> {
  const res = await api.get(`${E}${path}`);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

let admin: APIRequestContext;
test.beforeAll(async ({ playwright }) => {
  admin = await loginAs(playwright, USERS.admin, "inventory");
});
test.afterAll(() => admin.dispose());

test("the VM list answers a page, the total and when the inventory was read", async () => {
  const before = Date.now();
  // A folder search waits for the read by folder, so every VM has its host and folder here.
  const page = await get<Page<Item>>(admin, "/vms?q=GOLDEN&folder=group-v32&refresh=1");
  expect(page.items.map((vm) => vm.name)).toEqual(["golden-ubuntu-22", "golden-win2022"]);
  expect(page.total).toBe(2);
  expect(page.items[0]).toMatchObject({ vm: "vm-1007", host: "host-9", folder: "group-v32" });
  expect(Date.parse(page.as_of)).toBeGreaterThanOrEqual(before - 1000);
  expect(Date.parse(page.as_of)).toBeLessThanOrEqual(Date.now());

  const limited = await get<Page<Item>>(admin, "/vms?power_state=POWERED_ON&limit=3");
  expect(limited.items).toHaveLength(3);
  expect(limited.total).toBeGreaterThan(3);
  const onHost = await get<Page<Item>>(admin, "/vms?host=host-9&limit=1000");
  expect(onHost.items.every((vm) => vm.host === "host-9")).toBe(true);
  expect(onHost.items.map((vm) => vm.name)).toContain("golden-ubuntu-22");
});

test("the placement lists answer {items, total, as_of} and search by name", async () => {
  for (const kind of ["folders", "resource-pools", "datastores", "networks"]) {
    const all = await get<Page<{ name: string }>>(admin, `/${kind}`);
    expect(all.total, kind).toBe(all.items.length);
    expect(all.total, kind).toBeGreaterThan(1);
    expect(Date.parse(all.as_of), kind).not.toBeNaN();
    const one = await get<Page<{ name: string }>>(admin, `/${kind}?limit=1`);
    expect(one).toMatchObject({ total: all.total, items: [all.items[0]] });
  }
  const pg = await get<Page<{ name: string; network: string }>>(admin, "/networks?q=PG-");
  expect(pg.items.map((n) => n.name)).toEqual(["pg-dev-ephemeral", "pg-prod-static"]);
});

test("pools on a host and a VM's placement are what vCenter's list filters say", async () => {
  const token = await simLogin(inventorySimUrl);
  const direct = async <T>(path: string) =>
    (await (
      await fetch(`${inventorySimUrl}${path}`, { headers: { "vmware-api-session-id": token } })
    ).json()) as T;
  const onHost = await direct<{ resource_pool: string }[]>(
    "/api/vcenter/resource-pool?hosts=host-9",
  );
  const pools = await get<Page<{ resource_pool: string; cluster: string }>>(
    admin,
    "/resource-pools?host=host-9",
  );
  expect(pools.items.map((p) => p.resource_pool).sort()).toEqual(
    onHost.map((p) => p.resource_pool).sort(),
  );
  expect(new Set(pools.items.map((p) => p.cluster))).toEqual(new Set(["Cluster-A"]));
  const folders = await get<Page<{ name: string; path: string; datacenter: string }>>(
    admin,
    "/folders?q=Prod&datacenter=datacenter-2",
  );
  expect(folders.items).toEqual([
    { folder: "group-v30", name: "Prod", path: "DC1 / Prod", datacenter: "datacenter-2" },
  ]);
  // prod-web-01 (vm-1001): each part checked against vCenter's own filters.
  const placement = await get<Record<string, Record<string, string>>>(
    admin,
    "/vms/vm-1001/placement",
  );
  expect(placement).toMatchObject({
    datacenter: { datacenter: "datacenter-2", name: "DC1" },
    host: "host-9",
    folder: { folder: "group-v30", path: "DC1 / Prod" },
    resource_pool: { resource_pool: "resgroup-27", name: "Prod", cluster: "Cluster-A" },
    datastore: { datastore: "datastore-11", name: "nfs-shared-01" },
  });
  const held = await direct<{ vm: string }[]>(
    "/api/vcenter/vm?vms=vm-1001&hosts=host-9&folders=group-v30&resource_pools=resgroup-27&datacenters=datacenter-2",
  );
  expect(held.map((v) => v.vm)).toEqual(["vm-1001"]);
});

// A folder search waits for the read by folder, which follows the first search: after it,
// nothing is left under way.
const WARM_UP = "/vms?folder=group-v3&limit=1";

test("searches after the first read never reach vCenter", async () => {
  await get(admin, WARM_UP);
  await resetCalls();
  for (const q of ["lab-off", "db", "zz-none"])
    await get(admin, `/vms?q=${q}&power_state=POWERED_OFF`);
  await get(admin, "/folders?q=Prod");
  await get(admin, "/networks?q=vm");
  const calls = await (await fetch(`${inventorySimUrl}/__sim/calls`)).json();
  expect(calls.count).toBe(0);
});

test("a clone made through the console is in the list at once", async () => {
  await get(admin, WARM_UP);
  await resetCalls();
  const name = uniqueName("inv-clone");
  const res = await admin.post(`${E}/instant-clone`, {
    data: { source: "vm-1005", name, placement: { folder: "group-v31" } },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { vm } = await res.json();
  // The clone itself looked its name up (names=…, the evidence for settling): the search is
  // what must not list VMs again.
  await resetCalls();
  const page = await get<Page<Item>>(admin, `/vms?q=${name}&folder=group-v31`);
  expect(page.items).toEqual([
    expect.objectContaining({ vm, name, power_state: "POWERED_ON", folder: "group-v31" }),
  ]);
  expect(await simCalls(inventorySimUrl, VM_LISTS)).toEqual([]);
  expect((await simVmsNamed(inventorySimUrl, name)).map((v) => v.vm)).toEqual([vm]);
});

test("refresh=1 waits for a fresh read of vCenter", async () => {
  const kept = await get<Page<Item>>(admin, "/vms?limit=1");
  await resetCalls();
  const fresh = await get<Page<Item>>(admin, "/vms?limit=1&refresh=1");
  expect(Date.parse(fresh.as_of)).toBeGreaterThan(Date.parse(kept.as_of));
  expect(await simCalls(inventorySimUrl, HOST_LISTS)).toHaveLength(1);
  expect((await simCalls(inventorySimUrl, VM_LISTS)).length).toBeGreaterThan(0);
});

test("logout drops the user's inventory: after a new login the list is read again", async ({
  playwright,
}) => {
  const operator = await loginAs(playwright, USERS.operator, "inventory");
  await get(operator, "/vms?limit=1");
  await resetCalls();
  await get(operator, "/vms?limit=1");
  expect(await simCalls(inventorySimUrl, HOST_LISTS)).toHaveLength(0);
  expect((await operator.delete(`${E}/session`)).status()).toBe(204);
  await operator.dispose();
  const again = await loginAs(playwright, USERS.operator, "inventory");
  await get(again, "/vms?limit=1");
  expect(await simCalls(inventorySimUrl, HOST_LISTS)).toHaveLength(1);
  // The read by folder that follows a first search is over before the next test counts calls.
  await get(again, WARM_UP);
  await again.dispose();
});

const refused: [string, string][] = [
  ["/vms?limit=0x10", "limit"],
  ["/vms?limit=1e3", "limit"],
  ["/vms?limit=%205", "limit"],
  ["/vms?limit=1001", "limit"],
  ["/vms?refresh=yes", "refresh"],
  ["/vms?host=../session", "host"],
  ["/vms?host=host-9x", "host"],
  ["/vms?power_state=on", "power_state"],
  ["/vms?hosts=host-9", "hosts"],
  ["/folders?x=1", "x"],
  ["/folders?limit=0x10", "limit"],
  ["/networks?limit=0", "limit"],
  ["/datastores?refresh=true", "refresh"],
  [`/resource-pools?q=${"a".repeat(81)}`, "q"],
  ["/folders?host=host-9", "host"],
  ["/datastores?datacenter=dc1", "datacenter"],
  ["/resource-pools?host=../session", "host"],
  ["/vms/vm-1001/placement?x=1", "x"],
];
for (const [path, field] of refused)
  test(`${path} is refused with 400 naming ${field}, and vCenter is not asked`, async () => {
    await resetCalls();
    const res = await admin.get(`${E}${path}`);
    expect(res.status()).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ origin: "console", status: 400 });
    expect(Object.keys(error.field_errors ?? {})).toContain(field);
    const calls = await (await fetch(`${inventorySimUrl}/__sim/calls`)).json();
    expect(calls.count).toBe(0);
  });
