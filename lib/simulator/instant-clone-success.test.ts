import { describe, expect, it } from "vitest";

import { messagesOf, simulatorPerFile } from "./test-support";

const t = simulatorPerFile("reset-before-each");

type Info = Record<string, unknown> & {
  nics: Record<string, Nic>;
  serial_ports: Record<string, Port>;
  parallel_ports: Record<string, Port>;
};
type Nic = {
  mac_type: string;
  mac_address: string;
  state: string;
  start_connected: boolean;
  backing: Record<string, unknown>;
};
type Port = { backing: Record<string, unknown>; start_connected: boolean; state: string };

async function clone(body: unknown): Promise<string> {
  const reply = await t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
    token: t.token,
    body,
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  expect(reply.body).toMatch(/^vm-\d+$/);
  return reply.body as string;
}

const info = async (vm: string) =>
  (await t.client.call("GET", `/api/vcenter/vm/${vm}`, { token: t.token })).body as Info;
const list = async (query: string) =>
  (await t.client.call("GET", `/api/vcenter/vm?${query}`, { token: t.token })).body as {
    vm: string;
  }[];

describe("a successful instant clone", () => {
  it("answers 200 with the new VM id, powered on beside its source and with its devices", async () => {
    const vm = await clone({ source: "vm-1001", name: "ic-plain" });
    const [source, copy] = [await info("vm-1001"), await info(vm)];
    expect(copy).toMatchObject({
      name: "ic-plain",
      power_state: "POWERED_ON",
      instant_clone_frozen: false,
      guest_OS: source.guest_OS,
    });
    expect(Object.keys(copy.nics)).toEqual(["4000", "4001"]);
    for (const key of ["4000", "4001"]) {
      expect(copy.nics[key].mac_address).toMatch(/^00:50:56:/);
      expect(copy.nics[key].mac_address).not.toBe(source.nics[key].mac_address);
      expect(copy.nics[key].state).toBe(source.nics[key].state);
    }
    expect(copy.nics["4001"].backing).toMatchObject({
      network: "dvportgroup-20",
      distributed_port: "4",
    });
    expect((copy.identity as { bios_uuid: string }).bios_uuid).not.toBe(
      (source.identity as { bios_uuid: string }).bios_uuid,
    );
    // Same host, folder, pool: the lists place it there.
    for (const filter of [
      "hosts=host-9",
      "folders=group-v30",
      "resource_pools=resgroup-27",
      "names=ic-plain",
    ])
      expect((await list(filter)).map((v) => v.vm)).toContain(vm);
  });

  it("applies placement, NIC, MAC and BIOS UUID overrides", async () => {
    const vm = await clone({
      source: "vm-1001",
      name: "ic-overrides",
      placement: { folder: "group-v31", resource_pool: "resgroup-28", datastore: "datastore-19" },
      nics_to_update: {
        "4000": {
          backing: {
            type: "DISTRIBUTED_PORTGROUP",
            network: "dvportgroup-20",
            distributed_port: "10",
          },
          mac_type: "MANUAL",
          mac_address: "00:50:56:3F:00:01",
        },
        "4001": {
          backing: { type: "OPAQUE_NETWORK", network: "network-o22" },
          start_connected: false,
          mac_type: "GENERATED",
        },
      },
      bios_uuid: "12345678-ABCD-1234-cdef-123456789abc",
    });
    const copy = await info(vm);
    expect(copy.nics["4000"]).toMatchObject({
      mac_type: "MANUAL",
      mac_address: "00:50:56:3f:00:01",
      backing: { type: "DISTRIBUTED_PORTGROUP", network: "dvportgroup-20", distributed_port: "10" },
    });
    expect(copy.nics["4001"]).toMatchObject({
      mac_type: "GENERATED",
      start_connected: false,
      state: "NOT_CONNECTED",
      backing: { type: "OPAQUE_NETWORK", network: "network-o22" },
    });
    expect(copy.identity).toMatchObject({ bios_uuid: "12345678-abcd-1234-cdef-123456789abc" });
    expect(
      (copy.disks as Record<string, { backing: { vmdk_file: string } }>)["2000"].backing.vmdk_file,
    ).toBe("[vsan-cluster-a] ic-overrides/ic-overrides.vmdk");
    expect(
      (await list("folders=group-v31&resource_pools=resgroup-28&hosts=host-9")).map((v) => v.vm),
    ).toContain(vm);
    const nic = (
      await t.client.call("GET", `/api/vcenter/vm/${vm}/hardware/ethernet/4000`, { token: t.token })
    ).body;
    expect(nic).toMatchObject({ backing: { distributed_port: "10" } });

    // The chosen port is now taken.
    const again = await t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
      token: t.token,
      body: {
        source: "vm-1001",
        name: "ic-port-again",
        nics_to_update: {
          "4000": {
            backing: {
              type: "DISTRIBUTED_PORTGROUP",
              network: "dvportgroup-20",
              distributed_port: "10",
            },
          },
        },
      },
    });
    expect(messagesOf(again.body).error_type).toBe("RESOURCE_IN_USE");
  });

  it("disconnects every NIC with disconnect_all_nics", async () => {
    const copy = await info(
      await clone({
        source: "vm-1012",
        name: "ic-offline",
        disconnect_all_nics: true,
        nics_to_update: { "4000": { start_connected: true } },
      }),
    );
    expect(Object.values(copy.nics).map((n) => [n.state, n.start_connected])).toEqual([
      ["NOT_CONNECTED", false],
      ["NOT_CONNECTED", false],
      ["NOT_CONNECTED", false],
    ]);
  });

  it("copies serial and parallel ports and applies their updates", async () => {
    const copy = await info(
      await clone({
        source: "vm-1005",
        name: "ic-ports",
        serial_ports_to_update: {
          "9000": {
            backing: { type: "FILE", file: "[nfs-shared-01] ic-ports/serial0.log" },
            start_connected: true,
          },
        },
        parallel_ports_to_update: { "10000": { backing: { type: "HOST_DEVICE" } } },
      }),
    );
    expect(copy.serial_ports["9000"]).toMatchObject({
      backing: { type: "FILE", file: "[nfs-shared-01] ic-ports/serial0.log" },
      start_connected: true,
      state: "CONNECTED",
    });
    expect(copy.parallel_ports["10000"]).toMatchObject({
      backing: { type: "HOST_DEVICE", host_device: "", auto_detect: true },
    });
    const source = await info("vm-1005");
    expect(source.serial_ports["9000"].backing).toEqual({
      type: "FILE",
      file: "[nfs-shared-01] dev-ubuntu-01/serial0.log",
    });
  });

  it("clones a frozen source into a running, unfrozen VM", async () => {
    const copy = await info(
      await clone({
        source: "vm-1002",
        name: "ic-from-frozen",
        placement: { folder: "group-v31" },
      }),
    );
    expect(copy).toMatchObject({ power_state: "POWERED_ON", instant_clone_frozen: false });
  });

  it("lets a name repeat in another folder but not in the same one", async () => {
    await clone({ source: "vm-1005", name: "prod-web-01" });
    const again = await t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
      token: t.token,
      body: { source: "vm-1005", name: "prod-web-01" },
    });
    expect(again.status).toBe(400);
    expect(messagesOf(again.body).error_type).toBe("ALREADY_EXISTS");
  });

  it("clones a clone, and /__sim/reset takes every clone away", async () => {
    const first = await clone({ source: "vm-1001", name: "ic-gen1" });
    await clone({ source: first, name: "ic-gen2" });
    expect(await list("names=ic-gen1&names=ic-gen2")).toHaveLength(2);
    expect((await t.client.call("POST", "/__sim/reset")).body).toEqual({ vms: 40 });
    expect(await list("names=ic-gen1&names=ic-gen2")).toEqual([]);
  });
});
