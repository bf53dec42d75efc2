import { describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/api-error";
import { emptyCloneFormValues, emptyNicRow, emptySerialRow } from "@/lib/schemas/clone-form";

import { vcenterFieldErrors } from "./vcenter-field-errors";

const api = "com.vmware.api.vcenter.vm";
const vcenterError = (errorType: string, ...messages: [string, string, string[]][]) =>
  new ApiError({
    origin: "vcenter",
    status: 400,
    message: messages[0][1],
    vcenter: {
      error_type: errorType,
      messages: messages.map(([id, text, args]) => ({ id, default_message: text, args })),
    },
  });

const values = {
  ...emptyCloneFormValues(),
  source: "vm-1",
  name: "web-07",
  folder: "group-v30",
  datastore: "datastore-25",
  nics: [emptyNicRow("4000"), { ...emptyNicRow("4001"), network: "dvportgroup-21" }],
  serial_ports: [
    emptySerialRow("9000"),
    { ...emptySerialRow("9001"), backing_type: "FILE" as const, file: "[ds] x/serial.log" },
  ],
};

describe("vCenter messages that name a field land on it", () => {
  it.each([
    [`${api}.name.already_exists`, [], "name"],
    [`${api}.placement.folder.invalid_type`, ["group-v30"], "folder"],
    [`${api}.placement.resource_pool.disjoint`, ["resgroup-8"], "resource_pool"],
    [`${api}.placement.datastore.inaccessible`, ["datastore-25"], "datastore"],
    [`${api}.bios_uuid.invalid`, ["x"], "bios_uuid"],
    [`${api}.instant_clone.device.not_found`, ["nics_to_update", "4001"], "nics.1.network"],
    ["vmsg.InvalidDatastorePath.summary", ["[ds] x/serial.log"], "serial_ports.1.file"],
    [
      `${api}.hardware.backing.not_allowed_in_current_state`,
      ["Serial port 2"],
      "serial_ports.1.backing_type",
    ],
    ["vim.fault.NoPermission", ["Network.Assign", "dvportgroup-21"], "nics.1.network"],
    ["vim.fault.NoPermission", ["Folder.Create", "group-v30"], "folder"],
  ])("%s %j → %s", (id, args, path) => {
    const error = vcenterError("INVALID_ARGUMENT", [id, "refused", args]);
    expect(vcenterFieldErrors(error, values)).toEqual([{ path, message: "refused" }]);
  });

  it("leaves alone what names no field of the form", () => {
    const error = vcenterError(
      "NOT_ALLOWED_IN_CURRENT_STATE",
      [`${api}.instant_clone.not_allowed_in_current_state`, "powered off", []],
      ["vmsg.InvalidPowerState.summary", "Powered off", []],
      ["vim.fault.NoPermission", "no", ["VirtualMachine.Provisioning.Clone", "vm-1"]],
    );
    expect(vcenterFieldErrors(error, values)).toEqual([]);
  });
});
