import { describe, expect, it } from "vitest";

import { messagesOf, simulatorPerFile } from "./test-support";

const t = simulatorPerFile();

const get = (path: string) => t.client.call("GET", path, { token: t.token });

describe("GET /api/vcenter/vm/{vm}", () => {
  it("answers the full VM.Info with identity, frozen flag and device maps", async () => {
    const reply = await get("/api/vcenter/vm/vm-1001");
    expect(reply.status).toBe(200);
    const info = reply.body as Record<string, unknown>;
    for (const field of [
      "guest_OS",
      "name",
      "power_state",
      "hardware",
      "boot",
      "boot_devices",
      "cpu",
      "memory",
      "disks",
      "nics",
      "cdroms",
      "floppies",
      "parallel_ports",
      "serial_ports",
      "sata_adapters",
      "scsi_adapters",
    ])
      expect(info, field).toHaveProperty(field);
    expect(info).toMatchObject({
      name: "prod-web-01",
      power_state: "POWERED_ON",
      instant_clone_frozen: false,
      identity: {
        name: "prod-web-01",
        bios_uuid: expect.stringMatching(/^42[0-9a-f]{6}-/),
        instance_uuid: expect.stringMatching(/^50/),
      },
      memory: { size_MiB: 4096, hot_add_enabled: true },
      nvme_adapters: {},
    });
    expect(Object.keys(info.nics as object)).toEqual(["4000", "4001"]);
  });

  it("reports frozen sources", async () => {
    expect((await get("/api/vcenter/vm/vm-1002")).body).toMatchObject({
      instant_clone_frozen: true,
      power_state: "POWERED_ON",
    });
  });

  it("answers 404 NOT_FOUND naming the VM as vCenter does (id:instance UUID)", async () => {
    const reply = await get("/api/vcenter/vm/vm-99");
    expect(reply.status).toBe(404);
    const { error_type, ids, texts } = messagesOf(reply.body);
    expect(error_type).toBe("NOT_FOUND");
    expect(ids).toEqual(["com.vmware.api.vcenter.vm.not_found"]);
    expect(texts[0]).toMatch(
      /^Virtual machine with identifier 'vm-99:[0-9a-f-]{36}' does not exist\.$/,
    );
  });
});

describe("GET /api/vcenter/vm/{vm}/power", () => {
  it.each([
    ["vm-1001", { state: "POWERED_ON" }],
    ["vm-1003", { state: "POWERED_OFF", clean_power_off: true }],
    ["vm-1004", { state: "SUSPENDED" }],
  ])("answers the power state of %s", async (vm, expected) => {
    expect((await get(`/api/vcenter/vm/${vm}/power`)).body).toEqual(expected);
  });
});

describe("the hardware reads", () => {
  it("lists NICs and answers Ethernet.Info for standard, distributed and opaque backings", async () => {
    expect((await get("/api/vcenter/vm/vm-1001/hardware/ethernet")).body).toEqual([
      { nic: "4000" },
      { nic: "4001" },
    ]);
    expect((await get("/api/vcenter/vm/vm-1001/hardware/ethernet/4000")).body).toMatchObject({
      label: "Network adapter 1",
      type: "VMXNET3",
      mac_type: "ASSIGNED",
      mac_address: expect.stringMatching(/^00:50:56:[89ab][0-9a-f](:[0-9a-f]{2}){2}$/),
      backing: { type: "STANDARD_PORTGROUP", network: "network-12", network_name: "VM Network" },
      state: "CONNECTED",
      start_connected: true,
    });
    expect((await get("/api/vcenter/vm/vm-1001/hardware/ethernet/4001")).body).toMatchObject({
      backing: {
        type: "DISTRIBUTED_PORTGROUP",
        network: "dvportgroup-20",
        distributed_port: "0",
        distributed_switch_uuid: expect.stringMatching(
          /^50( [0-9a-f]{2}){7}-[0-9a-f]{2}( [0-9a-f]{2}){7}$/,
        ),
        connection_cookie: expect.any(Number),
      },
    });
    expect((await get("/api/vcenter/vm/vm-1009/hardware/ethernet/4000")).body).toMatchObject({
      backing: {
        type: "OPAQUE_NETWORK",
        network: "network-o22",
        opaque_network_type: "nsx.LogicalSwitch",
      },
    });
  });

  it("lists and reads serial and parallel ports", async () => {
    expect((await get("/api/vcenter/vm/vm-1006/hardware/serial")).body).toEqual([
      { port: "9000" },
      { port: "9001" },
    ]);
    expect((await get("/api/vcenter/vm/vm-1006/hardware/serial/9001")).body).toEqual({
      label: "Serial port 2",
      yield_on_poll: true,
      backing: { type: "NETWORK_SERVER", network_location: "telnet://:7001", no_rx_loss: false },
      state: "CONNECTED",
      start_connected: true,
      allow_guest_control: true,
    });
    expect((await get("/api/vcenter/vm/vm-1006/hardware/parallel")).body).toEqual([
      { port: "10000" },
    ]);
    expect((await get("/api/vcenter/vm/vm-1006/hardware/parallel/10000")).body).toMatchObject({
      backing: { type: "HOST_DEVICE", host_device: "", auto_detect: true },
    });
    expect((await get("/api/vcenter/vm/vm-1001/hardware/serial")).body).toEqual([]);
  });

  it.each(["ethernet/4009", "serial/9005", "parallel/10001"])(
    "answers 404 for an unknown device (%s)",
    async (device) => {
      const reply = await get(`/api/vcenter/vm/vm-1006/hardware/${device}`);
      expect(reply.status).toBe(404);
      expect(messagesOf(reply.body)).toMatchObject({
        error_type: "NOT_FOUND",
        ids: ["com.vmware.api.vcenter.vm.device.not_found"],
      });
    },
  );

  it("answers 404 for the devices of an unknown VM", async () => {
    expect((await get("/api/vcenter/vm/vm-77/hardware/ethernet")).status).toBe(404);
  });
});
