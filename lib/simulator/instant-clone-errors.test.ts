import { describe, expect, it } from "vitest";

import { messagesOf, simulatorPerFile } from "./test-support";

// One row per rule: what vCenter answers when an instant clone breaks it. vm-1001 prod-web-01
// runs on host-9 (Cluster-A) with NICs 4000 (VM Network) and 4001 (pg-prod-static, port 0).

const t = simulatorPerFile();

const CLONE = "/api/vcenter/vm?action=instant-clone";
const VM = "com.vmware.api.vcenter.vm";
const ETH = `${VM}.hardware.ethernet`;
const SHAPE = ["vapi.invoke.input.invalid", "vapi.data.structure.field.invalid"];
const IN_MAP = [
  ...SHAPE,
  "vapi.data.structure.field.invalid",
  "vapi.bindings.typeconverter.dict.value.invalid",
];
const UNKNOWN_DEVICE = [`${VM}.instant_clone.device.not_found`, `${VM}.device.not_found`];

type Row = [
  title: string,
  body: unknown,
  status: number,
  errorType: string,
  ids: string[],
  text?: RegExp,
];
const invalid = (title: string, body: unknown, ids: string[], text?: RegExp): Row => [
  title,
  body,
  400,
  "INVALID_ARGUMENT",
  ids,
  text,
];
const notFound = (title: string, body: unknown, id: string): Row => [
  title,
  body,
  404,
  "NOT_FOUND",
  [id],
];
const spec = (extra: object, source = "vm-1001") => ({ source, name: "ic-x", ...extra });
const nic = (update: object) => spec({ nics_to_update: { "4000": update } });
const backing = (type: string, network?: string, port?: string) =>
  nic({
    backing: { type, ...(network ? { network } : {}), ...(port ? { distributed_port: port } : {}) },
  });
const serial = (update: object, source = "vm-1005", key = "9000") =>
  spec({ serial_ports_to_update: { [key]: update } }, source);

const rows: Row[] = [
  invalid("no body", undefined, ["vapi.invoke.input.invalid", "vapi.data.structure.field.missing"]),
  invalid(
    "a missing name",
    { source: "vm-1001" },
    [...SHAPE, "vapi.data.structure.field.missing"],
    /missing a field: name$/,
  ),
  invalid(
    "a missing source",
    { name: "ic-x" },
    [...SHAPE, "vapi.data.structure.field.missing"],
    /'com.vmware.vcenter.VM.instant_clone_spec' is missing a field: source/,
  ),
  invalid(
    "an unknown field",
    spec({ colour: "red" }),
    [...SHAPE, "vapi.data.structure.field.unexpected"],
    /^Found unexpected fields \[colour\] in structure 'com.vmware.vcenter.VM.instant_clone_spec'\.$/,
  ),
  invalid(
    "a name that is not a string",
    { source: "vm-1001", name: 7 },
    [...SHAPE, "vapi.data.structure.field.invalid", "vapi.data.validate.mismatch"],
    /expected an object of type 'STRING', but got 'INTEGER'/,
  ),
  invalid(
    "an 8.0-only NIC field",
    nic({ upt_v2_compatibility_enabled: true }),
    [...IN_MAP, "vapi.data.structure.field.unexpected"],
    /\[upt_v2_compatibility_enabled\] in structure 'com.vmware.vcenter.vm.hardware.ethernet.update_spec'/,
  ),
  invalid("a backing without type", nic({ backing: { network: "network-12" } }), [
    ...IN_MAP,
    "vapi.data.structure.field.invalid",
    "vapi.data.structure.field.missing",
  ]),
  invalid("an unknown mac_type", nic({ mac_type: "RANDOM" }), [
    ...IN_MAP,
    "vapi.data.structure.field.invalid",
    "vapi.data.enumeration.value.invalid",
  ]),
  [
    "an unknown source",
    spec({}, "vm-99"),
    404,
    "NOT_FOUND",
    [`${VM}.not_found`],
    /^Virtual machine with identifier 'vm-99:[0-9a-f-]{36}' does not exist\.$/,
  ],
  [
    "a powered-off source",
    spec({}, "vm-1003"),
    400,
    "NOT_ALLOWED_IN_CURRENT_STATE",
    [`${VM}.instant_clone.not_allowed_in_current_state`, "vmsg.InvalidPowerState.summary"],
    /^The attempted operation cannot be performed in the current state \(Powered off\)\.$/,
  ],
  [
    "a suspended source",
    spec({}, "vm-1004"),
    400,
    "NOT_ALLOWED_IN_CURRENT_STATE",
    [`${VM}.instant_clone.not_allowed_in_current_state`, "vmsg.InvalidPowerState.summary"],
    /\(Suspended\)\.$/,
  ],
  invalid("an empty name", { source: "vm-1001", name: "" }, [`${VM}.name.invalid`]),
  invalid(
    "an 81-character name",
    { source: "vm-1001", name: "n".repeat(81) },
    [`${VM}.name.invalid`],
    /1 to 80 characters/,
  ),
  notFound(
    "an unknown folder",
    spec({ placement: { folder: "group-v999" } }),
    "com.vmware.api.vcenter.folder.not_found",
  ),
  invalid("a host folder", spec({ placement: { folder: "group-h4" } }), [
    `${VM}.placement.folder.invalid_type`,
  ]),
  notFound(
    "an unknown resource pool",
    spec({ placement: { resource_pool: "resgroup-999" } }),
    "com.vmware.api.vcenter.resource_pool.not_found",
  ),
  invalid(
    "a pool of another cluster",
    spec({ placement: { resource_pool: "resgroup-29" } }),
    [`${VM}.placement.resource_pool.disjoint`],
    /Lab.*esx-a1/,
  ),
  notFound(
    "an unknown datastore",
    spec({ placement: { datastore: "datastore-999" } }),
    "com.vmware.api.vcenter.datastore.not_found",
  ),
  invalid(
    "a datastore the host cannot see",
    spec({ placement: { datastore: "datastore-25" } }),
    [`${VM}.placement.datastore.inaccessible`, "vmsg.DatastoreNotWritableOnHost.summary"],
    /local-esx-b1.*not accessible from Host 'esx-a1.lab.local'/,
  ),
  invalid(
    "an unknown NIC key",
    spec({ nics_to_update: { "4009": { start_connected: false } } }),
    UNKNOWN_DEVICE,
    /key '4009'/,
  ),
  invalid("a HOST_DEVICE backing", backing("HOST_DEVICE"), [`${ETH}.backing.unsupported`]),
  invalid("a backing without network", backing("STANDARD_PORTGROUP"), [
    `${ETH}.backing.network.missing`,
  ]),
  notFound(
    "an unknown network",
    backing("STANDARD_PORTGROUP", "network-999"),
    "com.vmware.api.vcenter.network.not_found",
  ),
  invalid(
    "a distributed portgroup as STANDARD_PORTGROUP",
    backing("STANDARD_PORTGROUP", "dvportgroup-21"),
    [`${ETH}.backing.network.type_mismatch`],
    /is a DISTRIBUTED_PORTGROUP/,
  ),
  invalid(
    "an opaque network as DISTRIBUTED_PORTGROUP",
    backing("DISTRIBUTED_PORTGROUP", "network-o22"),
    [`${ETH}.backing.network.type_mismatch`],
  ),
  invalid("a network the host does not have", backing("STANDARD_PORTGROUP", "network-23"), [
    `${ETH}.backing.network.not_on_host`,
  ]),
  invalid("a port on a standard portgroup", backing("STANDARD_PORTGROUP", "network-12", "3"), [
    `${ETH}.backing.distributed_port.not_applicable`,
  ]),
  invalid(
    "a port on an ephemeral portgroup",
    backing("DISTRIBUTED_PORTGROUP", "dvportgroup-21", "3"),
    [`${ETH}.backing.distributed_port.not_static`],
  ),
  invalid("a port the portgroup lacks", backing("DISTRIBUTED_PORTGROUP", "dvportgroup-20", "64"), [
    `${ETH}.backing.distributed_port.not_found`,
  ]),
  [
    "a port in use",
    backing("DISTRIBUTED_PORTGROUP", "dvportgroup-20", "0"),
    400,
    "RESOURCE_IN_USE",
    [`${ETH}.backing.distributed_port.in_use`],
  ],
  invalid("MANUAL without a MAC", nic({ mac_type: "MANUAL" }), [`${ETH}.mac_address.missing`]),
  invalid(
    "a MAC with mac_type GENERATED",
    nic({ mac_type: "GENERATED", mac_address: "00:50:56:01:02:03" }),
    [`${ETH}.mac_address.not_allowed`],
    /not GENERATED/,
  ),
  invalid("a MAC without mac_type", nic({ mac_address: "00:50:56:01:02:03" }), [
    `${ETH}.mac_address.not_allowed`,
  ]),
  invalid("a malformed MAC", nic({ mac_type: "MANUAL", mac_address: "00:50:56:zz:02:03" }), [
    `${ETH}.mac_address.invalid`,
  ]),
  invalid("a multicast MAC", nic({ mac_type: "MANUAL", mac_address: "01:00:5e:01:02:03" }), [
    `${ETH}.mac_address.invalid`,
  ]),
  invalid(
    "UPT on an E1000E adapter",
    spec({ nics_to_update: { "4000": { upt_compatibility_enabled: true } } }, "vm-1008"),
    [`${ETH}.upt.unsupported`],
  ),
  invalid(
    "an unknown serial port",
    serial({ start_connected: true }, "vm-1001"),
    UNKNOWN_DEVICE,
    /serial port with key '9000'/,
  ),
  invalid(
    "an unknown parallel port",
    spec({ parallel_ports_to_update: { "10001": { start_connected: true } } }, "vm-1005"),
    UNKNOWN_DEVICE,
    /parallel port with key '10001'/,
  ),
  invalid(
    "a FILE backing without file",
    serial({ backing: { type: "FILE" } }),
    [`${VM}.hardware.backing.field.missing`],
    /needs the field file/,
  ),
  invalid(
    "a file outside any datastore",
    serial({ backing: { type: "FILE", file: "/tmp/serial.log" } }),
    ["vmsg.InvalidDatastorePath.summary"],
    /^Invalid datastore path '\/tmp\/serial.log'\.$/,
  ),
  invalid(
    "a network backing without URI",
    serial({ backing: { type: "NETWORK_CLIENT", network_location: "not a uri" } }),
    [`${VM}.hardware.backing.uri.invalid`],
  ),
  [
    "a new backing for a connected port",
    serial({ backing: { type: "FILE", file: "[local-esx-b1] x/serial.log" } }, "vm-1006", "9001"),
    400,
    "NOT_ALLOWED_IN_CURRENT_STATE",
    [`${VM}.hardware.backing.not_allowed_in_current_state`],
    /'Serial port 2'/,
  ],
  invalid("a malformed bios_uuid", spec({ bios_uuid: "1234-abcd" }), [`${VM}.bios_uuid.invalid`]),
  [
    "a name taken in the target folder",
    { source: "vm-1001", name: "prod-web-02" },
    400,
    "ALREADY_EXISTS",
    [`${VM}.name.already_exists`, "vmsg.DuplicateName.summary"],
    /^The name 'prod-web-02' already exists\.$/,
  ],
];

describe("POST /api/vcenter/vm?action=instant-clone refuses", () => {
  it.each(rows)("%s", async (_, body, status, errorType, ids, text) => {
    const reply = await t.client.call("POST", CLONE, { token: t.token, body });
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    const messages = messagesOf(reply.body);
    expect(messages.error_type).toBe(errorType);
    expect(messages.ids).toEqual(ids);
    if (text)
      expect(
        messages.texts.some((line) => text.test(line)),
        messages.texts.join(" | "),
      ).toBe(true);
  });

  it("a body that is not JSON", async () => {
    const reply = await t.client.call("POST", CLONE, { token: t.token, rawBody: "{source:" });
    expect(reply.status).toBe(400);
    expect(messagesOf(reply.body)).toMatchObject({
      error_type: "INVALID_ARGUMENT",
      ids: ["vapi.protocol.server.rest.param.body_parse_error"],
    });
  });

  it("and creates no VM while doing so", async () => {
    const reply = await t.client.call("GET", "/api/vcenter/vm", { token: t.token });
    expect(reply.body).toHaveLength(40);
  });
});
