import { expect, test, uniqueName } from "./fixtures";
import { findSource, getJson, type NetworkItem, randomMac, type VmDetail } from "./inventory";

// The walk in the README, as a test: log in, list running VMs, read one with its NICs,
// clone it with a NIC moved to another network and a manual MAC, read the clone back.
test("instant-clones a running VM with a NIC moved and a manual MAC", async ({ admin }) => {
  // dev-ubuntu-01 runs on a Cluster-A host, on "VM Network"; "pg-dev-ephemeral" reaches that host.
  const source = await findSource(admin, (vm) => vm.name === "dev-ubuntu-01");
  const nic = source.nics[0];
  const { items: networks } = await getJson<{ items: NetworkItem[] }>(
    admin,
    "/api/environments/sim/networks",
  );
  const target = networks.find((n) => n.name === "pg-dev-ephemeral");
  expect(target!.network).not.toBe(nic.backing.network);
  const mac = randomMac();
  const name = uniqueName("api-clone");

  const res = await admin.post("/api/environments/sim/instant-clone", {
    data: {
      source: source.vm,
      name,
      nics_to_update: {
        [nic.key]: {
          backing: { type: target!.type, network: target!.network },
          mac_type: "MANUAL",
          mac_address: mac,
        },
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const created = await res.json();
  expect(created).toMatchObject({ vm: expect.stringMatching(/^vm-\d+$/), name });

  const clone = await getJson<VmDetail>(admin, `/api/environments/sim/vms/${created.vm}`);
  expect(clone.name).toBe(name);
  expect(clone.power_state).toBe("POWERED_ON");
  const cloneNic = clone.nics.find((n) => n.key === nic.key)!;
  expect(cloneNic.backing).toMatchObject({ type: target!.type, network: target!.network });
  expect(cloneNic).toMatchObject({ mac_type: "MANUAL", mac_address: mac });
  // Devices the spec did not touch keep the source's settings, with fresh generated MACs.
  for (const other of clone.nics.filter((n) => n.key !== nic.key)) {
    const original = source.nics.find((n) => n.key === other.key)!;
    expect(other.backing.network).toBe(original.backing.network);
    expect(other.mac_address).not.toBe(original.mac_address);
  }
  expect(clone.serial_ports.map((p) => p.key)).toEqual(source.serial_ports.map((p) => p.key));

  const found = await getJson<{ items: { vm: string }[] }>(
    admin,
    `/api/environments/sim/vms?q=${encodeURIComponent(name)}`,
  );
  expect(found.items.map((v) => v.vm)).toEqual([created.vm]);
});

test("a clone lands in the chosen folder and honours disconnect-all-NICs and the BIOS UUID", async ({
  admin,
}) => {
  const source = await findSource(admin, (vm) => vm.nics.length > 0);
  const { items: folders } = await getJson<{ items: { folder: string; name: string }[] }>(
    admin,
    "/api/environments/sim/folders",
  );
  const folder = folders.find((f) => f.name !== "Prod") ?? folders[0];
  const name = uniqueName("api-placed");
  const biosUuid = "4226aa11-2b3c-4d5e-8f90-a1b2c3d4e5f6";
  const res = await admin.post("/api/environments/sim/instant-clone", {
    data: {
      source: source.vm,
      name,
      placement: { folder: folder.folder },
      disconnect_all_nics: true,
      bios_uuid: biosUuid,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { vm } = await res.json();
  const inFolder = await getJson<{ items: { vm: string }[] }>(
    admin,
    `/api/environments/sim/vms?folder=${folder.folder}&q=${encodeURIComponent(name)}`,
  );
  expect(inFolder.items.map((v) => v.vm)).toEqual([vm]);
  const clone = await getJson<VmDetail>(admin, `/api/environments/sim/vms/${vm}`);
  expect(clone.bios_uuid).toBe(biosUuid);
  expect(clone.nics.every((n) => n.start_connected === false)).toBe(true);
});

test("the VM list says which running VMs are frozen for instant clone", async ({ admin }) => {
  type Item = { vm: string; name: string; power_state: string; instant_clone_frozen?: boolean };
  const list = async (q: string) =>
    (await getJson<{ items: Item[] }>(admin, `/api/environments/sim/vms?q=${q}`)).items;
  // golden-ubuntu-22 and golden-win2022 are frozen parents; dev-ubuntu-01 runs unfrozen.
  const golden = await list("golden-");
  expect(golden.filter((vm) => vm.name.startsWith("golden-")).length).toBeGreaterThanOrEqual(2);
  for (const vm of golden.filter((v) => ["golden-ubuntu-22", "golden-win2022"].includes(v.name)))
    expect(vm, vm.name).toMatchObject({ power_state: "POWERED_ON", instant_clone_frozen: true });
  const [dev] = await list("dev-ubuntu-01");
  expect(dev).toMatchObject({ power_state: "POWERED_ON", instant_clone_frozen: false });
  // A VM that is not running cannot be frozen: no flag, and no read of its details.
  const off = (await list("")).find((vm) => vm.power_state !== "POWERED_ON");
  expect(off).toBeDefined();
  expect(off!.instant_clone_frozen).toBeUndefined();
});
