import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { messagesOf, startTestSimulator, type TestSimulator } from "./test-support";

let t: TestSimulator;
let token: string;

beforeAll(async () => {
  t = await startTestSimulator();
  token = await t.client.login("readonly@vsphere.local");
});
afterAll(() => t.sim.close());

async function list(path: string): Promise<Record<string, unknown>[]> {
  const reply = await t.client.call("GET", path, { token });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(Array.isArray(reply.body)).toBe(true);
  return reply.body as Record<string, unknown>[];
}

const ids = (items: Record<string, unknown>[], key: string) =>
  items.map((item) => item[key]).sort();

describe("GET /api/vcenter/vm", () => {
  it("lists every VM of the default inventory with the summary fields", async () => {
    const vms = await list("/api/vcenter/vm");
    expect(vms).toHaveLength(40);
    expect(vms[0]).toEqual({
      vm: "vm-1001",
      name: "prod-web-01",
      power_state: "POWERED_ON",
      cpu_count: 2,
      memory_size_MiB: 4096,
    });
  });

  it.each([
    ["vms", "vms=vm-1003&vms=vm-1004&vms=vm-9999", ["vm-1003", "vm-1004"]],
    ["names", "names=prod-web-02&names=golden-win2022", ["vm-1002", "vm-1008"]],
  ])("filters by %s exactly", async (_, query, expected) => {
    expect(ids(await list(`/api/vcenter/vm?${query}`), "vm")).toEqual(expected);
  });

  // Seeded random VMs may match these too; the fixtures among the matches must be exactly these.
  it.each([
    ["hosts", "hosts=host-16", ["vm-1006", "vm-1010"]],
    ["clusters + power_states", "clusters=domain-c14&power_states=POWERED_OFF", ["vm-1011"]],
    ["resource_pools", "resource_pools=resgroup-29", ["vm-1006", "vm-1010"]],
    ["folders", "folders=group-v32", ["vm-1007", "vm-1008"]],
  ])("filters by %s", async (_, query, expected) => {
    const fixtures = ids(await list(`/api/vcenter/vm?${query}`), "vm").filter(
      (id) => Number(String(id).slice(3)) <= 1012,
    );
    expect(fixtures).toEqual(expected);
  });

  it("takes power_states repeated and matches any of them", async () => {
    const vms = await list("/api/vcenter/vm?power_states=SUSPENDED&power_states=POWERED_OFF");
    expect(vms.length).toBeGreaterThan(2);
    expect(new Set(vms.map((vm) => vm.power_state))).toEqual(new Set(["SUSPENDED", "POWERED_OFF"]));
  });

  it("matches every VM of the datacenter and none of an unknown one", async () => {
    expect(await list("/api/vcenter/vm?datacenters=datacenter-2")).toHaveLength(40);
    expect(await list("/api/vcenter/vm?datacenters=datacenter-99")).toEqual([]);
  });

  it("refuses an unknown power state with 400 INVALID_ARGUMENT", async () => {
    const reply = await t.client.call("GET", "/api/vcenter/vm?power_states=RUNNING", { token });
    expect(reply.status).toBe(400);
    expect(messagesOf(reply.body)).toMatchObject({
      error_type: "INVALID_ARGUMENT",
      ids: [
        "vapi.invoke.input.invalid",
        "vapi.data.structure.field.invalid",
        "vapi.data.enumeration.value.invalid",
      ],
    });
    expect(messagesOf(reply.body).texts[2]).toContain("'RUNNING'");
  });

  it("refuses the /rest filter syntax on /api as an unexpected field", async () => {
    const reply = await t.client.call("GET", "/api/vcenter/vm?filter.names=prod-web-01", { token });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error_type: "INVALID_ARGUMENT",
      messages: [
        {
          id: "vapi.data.structure.field.unexpected",
          default_message: "Found unexpected fields [filter.names] in structure 'operation-input'.",
          args: ["[filter.names]", "operation-input"],
        },
      ],
    });
  });
});

describe("the placement lists", () => {
  it("lists folders of every type and filters by type, name, parent and datacenter", async () => {
    expect(ids(await list("/api/vcenter/folder"), "type")).toContain("DATACENTER");
    expect(
      ids(await list("/api/vcenter/folder?type=VIRTUAL_MACHINE&names=Prod"), "folder"),
    ).toEqual(["group-v30"]);
    expect(ids(await list("/api/vcenter/folder?parent_folders=group-v3"), "folder")).toEqual([
      "group-v30",
      "group-v31",
      "group-v32",
      "group-v33",
    ]);
    expect(
      ids(await list("/api/vcenter/folder?datacenters=datacenter-2&type=HOST"), "folder"),
    ).toEqual(["group-h4"]);
    expect((await t.client.call("GET", "/api/vcenter/folder?type=VM", { token })).status).toBe(400);
  });

  it("lists resource pools by cluster, host and parent", async () => {
    expect(
      ids(await list("/api/vcenter/resource-pool?clusters=domain-c14"), "resource_pool"),
    ).toEqual(["resgroup-15", "resgroup-29"]);
    expect(ids(await list("/api/vcenter/resource-pool?hosts=host-9"), "resource_pool")).toEqual([
      "resgroup-27",
      "resgroup-28",
      "resgroup-8",
    ]);
    expect(
      ids(
        await list("/api/vcenter/resource-pool?parent_resource_pools=resgroup-8"),
        "resource_pool",
      ),
    ).toEqual(["resgroup-27", "resgroup-28"]);
  });

  it("lists datastores with free space and capacity, filtered by type", async () => {
    const all = await list("/api/vcenter/datastore");
    expect(all).toHaveLength(5);
    expect(all[0]).toEqual({
      datastore: "datastore-11",
      name: "nfs-shared-01",
      type: "NFS",
      free_space: expect.any(Number),
      capacity: expect.any(Number),
    });
    expect(ids(await list("/api/vcenter/datastore?types=VMFS&types=VSAN"), "datastore")).toEqual([
      "datastore-19",
      "datastore-24",
      "datastore-25",
    ]);
    expect((await t.client.call("GET", "/api/vcenter/datastore?types=ZFS", { token })).status).toBe(
      400,
    );
  });

  it.each([
    ["STANDARD_PORTGROUP", ["network-12", "network-23"]],
    ["DISTRIBUTED_PORTGROUP", ["dvportgroup-20", "dvportgroup-21"]],
    ["OPAQUE_NETWORK", ["network-o22"]],
  ])("lists networks of type %s", async (type, expected) => {
    const networks = await list(`/api/vcenter/network?types=${type}`);
    expect(ids(networks, "network")).toEqual(expected);
    expect(networks.every((n) => n.type === type && typeof n.name === "string")).toBe(true);
  });
});

describe("the infrastructure lists", () => {
  it("lists hosts, without power_state for the disconnected one", async () => {
    const hosts = await list("/api/vcenter/host");
    expect(hosts).toHaveLength(6);
    expect(hosts.find((h) => h.host === "host-18")).toEqual({
      host: "host-18",
      name: "esx-b3.lab.local",
      connection_state: "DISCONNECTED",
    });
    expect(ids(await list("/api/vcenter/host?connection_states=DISCONNECTED"), "host")).toEqual([
      "host-18",
    ]);
    expect(await list("/api/vcenter/host?standalone=true")).toEqual([]);
    expect(
      ids(await list("/api/vcenter/host?clusters=domain-c7&standalone=false"), "host"),
    ).toEqual(["host-10", "host-13", "host-9"]);
    expect(
      (await t.client.call("GET", "/api/vcenter/host?standalone=maybe", { token })).status,
    ).toBe(400);
  });

  it("lists clusters and datacenters", async () => {
    expect(await list("/api/vcenter/cluster")).toEqual([
      { cluster: "domain-c7", name: "Cluster-A", ha_enabled: true, drs_enabled: true },
      { cluster: "domain-c14", name: "Cluster-B", ha_enabled: true, drs_enabled: false },
    ]);
    expect(await list("/api/vcenter/datacenter?folders=group-d1")).toEqual([
      { datacenter: "datacenter-2", name: "DC1" },
    ]);
  });
});

describe("inventory determinism", () => {
  it("builds the same inventory for the same seed and another one for another seed", async () => {
    const other = await startTestSimulator({ seed: 2 });
    try {
      const otherToken = await other.client.login();
      const mine = await list("/api/vcenter/vm");
      const again = await startTestSimulator({ seed: 1 });
      const againList = (
        await again.client.call("GET", "/api/vcenter/vm", { token: await again.client.login() })
      ).body;
      await again.sim.close();
      expect(againList).toEqual(mine);
      const theirs = (await other.client.call("GET", "/api/vcenter/vm", { token: otherToken }))
        .body as Record<string, unknown>[];
      expect(theirs.slice(0, 12)).toEqual(mine.slice(0, 12)); // the fixtures are seed-independent
      expect(theirs.slice(12)).not.toEqual(mine.slice(12));
    } finally {
      await other.sim.close();
    }
  });
});
