import { describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/api-error";

import { chooseGuidance, GUIDANCE_IDS, type GuidanceId } from "./choose-guidance";

// One case per paragraph, each over a real message stack: the texts quoted in
// shared/vsphere-api/INSTANT-CLONE-FAULTS.md (A*, B*) and recorded/, and the stacks our simulator
// answers (sim). A stack whose error_type another paragraph also serves shows the choice is
// made by the ids, not by the type.

type Message = [id: string, text: string, args?: string[]];

const vcenter = (status: number, errorType: string | undefined, ...messages: Message[]) =>
  new ApiError({
    origin: "vcenter",
    status,
    message: messages[0]?.[1] ?? "failed",
    vcenter: {
      ...(errorType ? { error_type: errorType } : {}),
      messages: messages.map(([id, text, args = []]) => ({ id, default_message: text, args })),
    },
  });

const api = "com.vmware.api.vcenter.vm";
const eth = `${api}.hardware.ethernet`;

const cases: [string, ApiError, GuidanceId][] = [
  [
    "sim: UNAUTHENTICATED (expired session)",
    vcenter(401, "UNAUTHENTICATED", [
      "com.vmware.vapi.endpoint.method.authentication.required",
      "Authentication required.",
    ]),
    "log-in-again",
  ],
  [
    "sim: UNAUTHORIZED, NoPermission on the folder",
    vcenter(
      403,
      "UNAUTHORIZED",
      ["vapi.security.authorization.invalid", "Unable to authorize user"],
      ["vim.fault.NoPermission", "Permission to perform this operation was denied."],
    ),
    "privilege",
  ],
  [
    "sim: a connected port's backing (NOT_ALLOWED_IN_CURRENT_STATE)",
    vcenter(400, "NOT_ALLOWED_IN_CURRENT_STATE", [
      `${api}.hardware.backing.not_allowed_in_current_state`,
      "The backing of 'Serial port 2' cannot be changed while the virtual machine is powered on and the device is connected.",
    ]),
    "port-connected",
  ],
  [
    "sim: a powered-off source (NOT_ALLOWED_IN_CURRENT_STATE)",
    vcenter(
      400,
      "NOT_ALLOWED_IN_CURRENT_STATE",
      [
        `${api}.instant_clone.not_allowed_in_current_state`,
        "Unable to instant clone the virtual machine because it is powered off.",
      ],
      [
        "vmsg.InvalidPowerState.summary",
        "The attempted operation cannot be performed in the current state (Powered off).",
      ],
    ),
    "source-power",
  ],
  [
    "B1: vim.fault.InvalidPowerState alone",
    vcenter(400, "NOT_ALLOWED_IN_CURRENT_STATE", [
      "vim.fault.InvalidPowerState",
      "The attempted operation cannot be performed in the current state (Powered off).",
    ]),
    "source-power",
  ],
  [
    "B4: vim.fault.InvalidHostState",
    vcenter(400, "NOT_ALLOWED_IN_CURRENT_STATE", [
      "vim.fault.InvalidHostState",
      "The operation is not allowed in the current state of the host.",
    ]),
    "host-state",
  ],
  [
    "sim: the name is taken",
    vcenter(
      400,
      "ALREADY_EXISTS",
      [`${api}.name.already_exists`, "A virtual machine named 'web-07' already exists in Prod."],
      ["vmsg.DuplicateName.summary", "The name 'web-07' already exists."],
    ),
    "name-taken",
  ],
  [
    "B2: vim.fault.DuplicateName alone",
    vcenter(400, "ALREADY_EXISTS", ["vim.fault.DuplicateName", "The name 'test0' already exists."]),
    "name-taken",
  ],
  [
    "sim: a distributed port in use",
    vcenter(400, "RESOURCE_IN_USE", [
      `${eth}.backing.distributed_port.in_use`,
      "Port '0' of pg-prod-static is already in use by another network adapter.",
    ]),
    "port-taken",
  ],
  [
    "sim: no free port (UNABLE_TO_ALLOCATE_RESOURCE, not a datastore problem)",
    vcenter(500, "UNABLE_TO_ALLOCATE_RESOURCE", [
      `${eth}.backing.distributed_port.exhausted`,
      "No free port is left on pg-prod-static.",
    ]),
    "ports-exhausted",
  ],
  [
    "sim: a datastore the source's host does not see (INVALID_ARGUMENT)",
    vcenter(
      400,
      "INVALID_ARGUMENT",
      [`${api}.placement.datastore.inaccessible`, "local-esx-b1 is not accessible from esx-a2."],
      ["vmsg.DatastoreNotWritableOnHost.summary", "The provided datastore is not accessible."],
    ),
    "off-host",
  ],
  [
    "sim: a pool outside the source's cluster",
    vcenter(400, "INVALID_ARGUMENT", [
      `${api}.placement.resource_pool.disjoint`,
      "Lab is not in the cluster of esx-a2.",
    ]),
    "off-host",
  ],
  [
    "sim: a network the source's host does not see",
    vcenter(400, "INVALID_ARGUMENT", [
      `${eth}.backing.network.not_on_host`,
      "Backup-VLAN40 is not available on esx-a2.",
    ]),
    "off-host",
  ],
  [
    "A3 (KB 67186): too many delta disks, SystemError wrapping GenericVmConfigFault",
    vcenter(
      500,
      "ERROR",
      ["msg.migrate.prepare.failed", "Unable to prepare migration."],
      ["vim.fault.GenericVmConfigFault", "Launch failure"],
    ),
    "delta-disks",
  ],
  [
    "A1: a serial port on the source",
    vcenter(400, "NOT_ALLOWED_IN_CURRENT_STATE", [
      "vim.fault.DeviceNotSupported",
      "Virtual machine is configured to use a device that prevents the operation: Device 'Serial port 1' is not supported. ",
    ]),
    "device-unsupported",
  ],
  [
    "A2: a connected CD-ROM whose ISO is unreachable",
    vcenter(500, "RESOURCE_INACCESSIBLE", [
      "vim.fault.CannotAccessVmDevice",
      "Currently connected device 'CD/DVD drive 2' uses backing '[GOSV-Async-NFS] rhel8.iso', which is not accessible.",
    ]),
    "device-inaccessible",
  ],
  [
    "B3: vmodl.fault.NotSupported (an ESXi host, not vCenter)",
    vcenter(400, "UNSUPPORTED", [
      "vmodl.fault.NotSupported",
      "The operation is not supported on the object.",
    ]),
    "needs-vcenter",
  ],
  [
    "A5: /rest on vCenter 6.7, unexpected field [action] (UNEXPECTED_INPUT)",
    vcenter(400, "UNEXPECTED_INPUT", [
      "vapi.data.structure.field.unexpected",
      "Found unexpected fields [action] in structure 'operation-input'.",
      ["[action]", "operation-input"],
    ]),
    "too-old",
  ],
  [
    "B5: OperationNotFound on 6.7",
    vcenter(404, "OPERATION_NOT_FOUND", [
      "com.vmware.vapi.std.errors.operation_not_found",
      "OperationNotFound",
    ]),
    "too-old",
  ],
  [
    "FACTS §6: the /api router's 404 (NOT_FOUND, yet nothing in the request is gone)",
    vcenter(404, "NOT_FOUND", ["com.vmware.vapi.rest.httpNotFound", "Not found."]),
    "too-old",
  ],
  [
    "sim: a folder that is gone",
    vcenter(404, "NOT_FOUND", [
      "com.vmware.api.vcenter.folder.not_found",
      "Folder with identifier 'group-v9999' does not exist.",
    ]),
    "gone",
  ],
  [
    "sim: a device key the source does not have",
    vcenter(
      400,
      "INVALID_ARGUMENT",
      [`${api}.instant_clone.device.not_found`, "The source virtual machine has no serial port."],
      [`${api}.device.not_found`, "Device with identifier '9009' does not exist."],
    ),
    "gone",
  ],
  [
    "recorded: guest information not available (SERVICE_UNAVAILABLE, vCenter is not busy)",
    vcenter(503, "SERVICE_UNAVAILABLE", [
      `${api}.guest.information_not_available`,
      "VMware Tools in the virtual machine with identifier 'vm-1072:059d' provided no information.",
    ]),
    "guest-not-ready",
  ],
  [
    "sim: vCenter's own 503",
    vcenter(503, "SERVICE_UNAVAILABLE", ["vapi.server.unavailable", "Service not available"]),
    "busy",
  ],
  [
    "C (docs): InsufficientResourcesFault",
    vcenter(500, "UNABLE_TO_ALLOCATE_RESOURCE", [
      "vim.fault.InsufficientResourcesFault",
      "Insufficient resources.",
    ]),
    "resources",
  ],
  [
    "sim: a multicast MAC",
    vcenter(400, "INVALID_ARGUMENT", [
      `${eth}.mac_address.invalid`,
      "'01:00:5e:00:00:fb' is not a valid static MAC address.",
    ]),
    "value-refused",
  ],
  [
    "B6: an unexpected field that is not the operation (INVALID_ARGUMENT style, not too old)",
    vcenter(400, "UNEXPECTED_INPUT", [
      "vapi.data.structure.field.unexpected",
      "Found unexpected fields [vmw-task] in structure 'operation-input'.",
      ["[vmw-task]", "operation-input"],
    ]),
    "value-refused",
  ],
  [
    "sim: a port that does not exist on the port group (not a gone resource)",
    vcenter(400, "INVALID_ARGUMENT", [
      `${eth}.backing.distributed_port.not_found`,
      "Port '99' does not exist on pg-prod-static.",
    ]),
    "value-refused",
  ],
  [
    "sim: an internal error names no cause the console knows",
    vcenter(500, "INTERNAL_SERVER_ERROR", [
      "vapi.bindings.method.impl.unexpected",
      "Provider method implementation threw unexpected exception: null",
    ]),
    "vcenter-other",
  ],
];

describe("guidance follows the message ids in vCenter's stack", () => {
  it.each(cases)("%s", (_, error, paragraph) => {
    expect(chooseGuidance(error)).toBe(paragraph);
  });

  it("has a case for every paragraph a vCenter error can get", () => {
    // The rest are not vCenter's: the login page, the network, the console's own refusals.
    const elsewhere = ["login-refused", "network", "console-fields", "cross-site"];
    const covered = new Set(cases.map(([, , id]) => id));
    expect(GUIDANCE_IDS.filter((id) => !covered.has(id) && !elsewhere.includes(id))).toEqual([]);
  });

  it("a powered-on VM that cannot be deleted is not told to power its source on", () => {
    const error = vcenter(
      400,
      "NOT_ALLOWED_IN_CURRENT_STATE",
      [`${api}.delete.powered_on`, "Virtual machine 'vm-1' is powered on: power it off first."],
      ["vim.fault.InvalidPowerState", "The attempted operation cannot be performed (Powered on)."],
    );
    expect(chooseGuidance(error)).toBe("vcenter-other");
  });

  it("on the login page a 401 is a refused password", () => {
    const error = vcenter(401, "UNAUTHENTICATED", [
      "com.vmware.vapi.endpoint.method.authentication.required",
      "Authentication required.",
    ]);
    expect(chooseGuidance(error, { onLoginPage: true })).toBe("login-refused");
  });
});
