import { describe, expect, it } from "vitest";

import {
  type CloneFormValues,
  emptyCloneFormValues,
  emptyNicRow,
  emptyParallelRow,
  emptySerialRow,
  reconcileRows,
} from "./clone-form";
import { formValuesToQuery, queryToFormValues } from "./clone-form-query";
import { specPathToFormPath } from "./clone-form-paths";
import { cloneFormSchema, formValuesToSpec, formValuesToSpecInput } from "./clone-form-spec";

const base = (overrides: Partial<CloneFormValues> = {}): CloneFormValues => ({
  ...emptyCloneFormValues(),
  source: "vm-42",
  name: "web-07",
  ...overrides,
});

const fullValues = (): CloneFormValues =>
  base({
    folder: "group-v3",
    resource_pool: "resgroup-9",
    datastore: "datastore-11",
    disconnect_all_nics: true,
    bios_uuid: "12345678-abcd-1234-cdef-123456789abc",
    nics: [
      {
        ...emptyNicRow("4000"),
        network: "dvportgroup-20",
        network_type: "DISTRIBUTED_PORTGROUP",
        distributed_port: "12",
        mac_type: "MANUAL",
        mac_address: "00:50:56:01:02:03",
        start_connected: "false",
        wake_on_lan_enabled: "true",
      },
      emptyNicRow("4001"),
    ],
    serial_ports: [
      { ...emptySerialRow("9000"), backing_type: "FILE", file: "[ds1] web-07/serial.log" },
      {
        ...emptySerialRow("9001"),
        backing_type: "PIPE_SERVER",
        pipe: "\\\\.\\pipe\\x",
        no_rx_loss: true,
      },
    ],
    parallel_ports: [{ ...emptyParallelRow("10000"), backing_type: "HOST_DEVICE" }],
  });

describe("formValuesToSpec", () => {
  it("sends only source and name for an untouched form", () => {
    const values = base({ nics: [emptyNicRow("4000")], serial_ports: [emptySerialRow("9000")] });
    expect(formValuesToSpec(values)).toEqual({ source: "vm-42", name: "web-07" });
  });

  it("maps every changed field to vCenter's field names", () => {
    expect(formValuesToSpec(fullValues())).toEqual({
      source: "vm-42",
      name: "web-07",
      placement: { folder: "group-v3", resource_pool: "resgroup-9", datastore: "datastore-11" },
      nics_to_update: {
        "4000": {
          backing: {
            type: "DISTRIBUTED_PORTGROUP",
            network: "dvportgroup-20",
            distributed_port: "12",
          },
          mac_type: "MANUAL",
          mac_address: "00:50:56:01:02:03",
          start_connected: false,
          wake_on_lan_enabled: true,
        },
      },
      disconnect_all_nics: true,
      serial_ports_to_update: {
        "9000": { backing: { type: "FILE", file: "[ds1] web-07/serial.log" } },
        "9001": { backing: { type: "PIPE_SERVER", pipe: "\\\\.\\pipe\\x", no_rx_loss: true } },
      },
      parallel_ports_to_update: { "10000": { backing: { type: "HOST_DEVICE" } } },
      bios_uuid: "12345678-abcd-1234-cdef-123456789abc",
    });
  });

  it("leaves out a typed MAC unless the MAC type is manual", () => {
    const nic = { ...emptyNicRow("4000"), mac_type: "GENERATED" as const, mac_address: "zz" };
    expect(formValuesToSpec(base({ nics: [nic] })).nics_to_update).toEqual({
      "4000": { mac_type: "GENERATED" },
    });
  });

  it("drops the distributed port for a standard portgroup", () => {
    const nic = {
      ...emptyNicRow("4000"),
      network: "network-12",
      network_type: "STANDARD_PORTGROUP" as const,
      distributed_port: "7",
    };
    expect(formValuesToSpecInput(base({ nics: [nic] })).nics_to_update?.["4000"].backing).toEqual({
      type: "STANDARD_PORTGROUP",
      network: "network-12",
    });
  });

  it("trims the name before it goes into the spec", () => {
    expect(formValuesToSpec(base({ name: "  web-07 " })).name).toBe("web-07");
  });
});

describe("cloneFormSchema", () => {
  it("puts spec issues on the form fields that caused them", () => {
    const values = base({
      name: "",
      folder: "bogus",
      nics: [
        emptyNicRow("4000"),
        { ...emptyNicRow("4001"), mac_type: "MANUAL", mac_address: "nope" },
      ],
      serial_ports: [{ ...emptySerialRow("9000"), backing_type: "FILE" }],
      bios_uuid: "123",
    });
    const result = cloneFormSchema.safeParse(values);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining([
        "name",
        "folder",
        "nics.1.mac_address",
        "serial_ports.0.file",
        "bios_uuid",
      ]),
    );
  });

  it("asks for a source in words, not as an id pattern", () => {
    const result = cloneFormSchema.safeParse(base({ source: "" }));
    expect(result.error!.issues).toEqual([
      expect.objectContaining({ path: ["source"], message: "Choose the VM to clone" }),
    ]);
  });

  it("outputs the InstantCloneSpec", () => {
    expect(cloneFormSchema.parse(base())).toEqual({ source: "vm-42", name: "web-07" });
  });
});

describe("specPathToFormPath", () => {
  const values = fullValues();
  it.each([
    ["name", "name"],
    ["placement.folder", "folder"],
    ["placement.datastore", "datastore"],
    ["nics_to_update.4000.mac_address", "nics.0.mac_address"],
    ["nics_to_update.4001.backing.network", "nics.1.network"],
    ["nics_to_update.4000.backing.distributed_port", "nics.0.distributed_port"],
    ["nics_to_update.4001", "nics.1.network"],
    ["serial_ports_to_update.9001.backing.pipe", "serial_ports.1.pipe"],
    ["serial_ports_to_update.9000.backing.type", "serial_ports.0.backing_type"],
    ["parallel_ports_to_update.10000.backing", "parallel_ports.0.backing_type"],
    ["bios_uuid", "bios_uuid"],
  ])("%s → %s", (specPath, formPath) => {
    expect(specPathToFormPath(specPath, values)).toBe(formPath);
  });

  it("returns undefined for a key the form has no row for, or an unknown path", () => {
    expect(specPathToFormPath("nics_to_update.4999.mac_address", values)).toBeUndefined();
    expect(specPathToFormPath("spec", values)).toBeUndefined();
  });
});

describe("formValuesToQuery / queryToFormValues", () => {
  it("round-trips every field exactly", () => {
    const values = fullValues();
    const restored = queryToFormValues(formValuesToQuery(values));
    // Untouched rows are not written; they come back when the source's devices load.
    expect(restored).toEqual({ ...values, nics: [values.nics[0]] });
  });

  it("uses the spec's names in the query", () => {
    const query = new URLSearchParams(formValuesToQuery(fullValues()));
    expect(query.get("source")).toBe("vm-42");
    expect(query.get("folder")).toBe("group-v3");
    expect(query.get("nic.4000.backing.network")).toBe("dvportgroup-20");
    expect(query.get("nic.4000.start_connected")).toBe("false");
    expect(query.get("serial.9000.backing.type")).toBe("FILE");
    expect(query.get("serial.9001.backing.no_rx_loss")).toBe("true");
    expect(query.get("disconnect_all_nics")).toBe("true");
    expect(query.has("nic.4001.mac_type")).toBe(false);
  });

  it("writes nothing for an empty form", () => {
    expect(formValuesToQuery(emptyCloneFormValues())).toBe("");
  });

  it("ignores malformed and unknown keys", () => {
    const values = queryToFormValues(
      "source=vm-1&nic.4000.mac_type=BOGUS&nic.abc.mac_type=MANUAL&nic.4000.key=9&x.1.y=2&disconnect_all_nics=yes&nic.4000.wake_on_lan_enabled=true",
    );
    expect(values.source).toBe("vm-1");
    expect(values.disconnect_all_nics).toBe(false);
    expect(values.nics).toEqual([{ ...emptyNicRow("4000"), wake_on_lan_enabled: "true" }]);
  });
});

describe("reconcileRows", () => {
  it("keeps overrides of matching keys, orders by the source, keeps changed strays", () => {
    const rows = [
      { ...emptyNicRow("4001"), mac_type: "GENERATED" as const },
      emptyNicRow("4007"),
      { ...emptyNicRow("4009"), start_connected: "true" as const },
    ];
    expect(reconcileRows(rows, ["4000", "4001"], emptyNicRow)).toEqual([
      emptyNicRow("4000"),
      rows[0],
      rows[2],
    ]);
  });
});
