import { type LocalizableMessage, message, VapiError } from "./errors";

// Instant clone's failures. The power-state pair and the duplicate-name text are vCenter's own
// (INSTANT-CLONE-FAULTS.md B1, B2); the others follow vCenter's id and wording style.

const api = "com.vmware.api.vcenter.vm";

export const invalid = (...messages: LocalizableMessage[]) =>
  new VapiError("INVALID_ARGUMENT", messages);

export const noPermission = (privilege: string, object: string, objectId: string) =>
  message(
    "vim.fault.NoPermission",
    `Permission to perform this operation was denied. The user does not hold privilege '${privilege}' on ${object}.`,
    privilege,
    objectId,
  );

export function sourceNotPoweredOn(state: "POWERED_OFF" | "SUSPENDED"): VapiError {
  const [word, label] =
    state === "POWERED_OFF" ? ["powered off", "Powered off"] : ["suspended", "Suspended"];
  return new VapiError("NOT_ALLOWED_IN_CURRENT_STATE", [
    message(
      `${api}.instant_clone.not_allowed_in_current_state`,
      `Unable to instant clone the virtual machine because it is ${word}.`,
    ),
    message(
      "vmsg.InvalidPowerState.summary",
      `The attempted operation cannot be performed in the current state (${label}).`,
    ),
  ]);
}

export const nameInvalid = (name: string) =>
  invalid(
    message(
      `${api}.name.invalid`,
      `The name '${name}' is not a valid virtual machine name: it must have 1 to 80 characters.`,
      name,
    ),
  );

export const nameTaken = (name: string, folder: string, folderId: string) =>
  new VapiError("ALREADY_EXISTS", [
    message(
      `${api}.name.already_exists`,
      `A virtual machine named '${name}' already exists in ${folder}.`,
      name,
      folderId,
    ),
    message("vmsg.DuplicateName.summary", `The name '${name}' already exists.`, name),
  ]);

export const notAVmFolder = (folder: string, folderId: string) =>
  invalid(
    message(
      `${api}.placement.folder.invalid_type`,
      `${folder} cannot contain virtual machines.`,
      folderId,
    ),
  );

export const poolOutsideCluster = (pool: string, poolId: string, host: string) =>
  invalid(
    message(
      `${api}.placement.resource_pool.disjoint`,
      `${pool} is not in the cluster of ${host}, where the source virtual machine runs. An instant clone stays on the source's host.`,
      poolId,
    ),
  );

export const datastoreNotOnHost = (datastore: string, datastoreId: string, host: string) =>
  invalid(
    message(
      `${api}.placement.datastore.inaccessible`,
      `${datastore} is not accessible from ${host}, where the source virtual machine runs.`,
      datastoreId,
    ),
    message(
      "vmsg.DatastoreNotWritableOnHost.summary",
      `The provided datastore is not accessible from ${host}.`,
    ),
  );

export const unknownDevice = (
  field: string,
  what: string,
  key: string,
  cause: LocalizableMessage,
) =>
  invalid(
    message(
      `${api}.instant_clone.device.not_found`,
      `The source virtual machine has no ${what} with key '${key}' (${field}).`,
      field,
      key,
    ),
    cause,
  );

export const biosUuidInvalid = (uuid: string) =>
  invalid(
    message(
      `${api}.bios_uuid.invalid`,
      `'${uuid}' is not a valid BIOS UUID. Expected the form 12345678-abcd-1234-cdef-123456789abc.`,
      uuid,
    ),
  );

export const invalidDatastorePath = (path: string) =>
  invalid(message("vmsg.InvalidDatastorePath.summary", `Invalid datastore path '${path}'.`, path));

export const backingFieldMissing = (device: string, type: string, field: string) =>
  invalid(
    message(
      `${api}.hardware.backing.field.missing`,
      `The ${device} backing type ${type} needs the field ${field}.`,
      type,
      field,
    ),
  );

export const backingUriInvalid = (field: string, value: string) =>
  invalid(
    message(
      `${api}.hardware.backing.uri.invalid`,
      `'${value}' is not a valid URI for ${field}.`,
      field,
      value,
    ),
  );

export const backingChangeWhileConnected = (label: string) =>
  new VapiError("NOT_ALLOWED_IN_CURRENT_STATE", [
    message(
      `${api}.hardware.backing.not_allowed_in_current_state`,
      `The backing of '${label}' cannot be changed while the virtual machine is powered on and the device is connected.`,
      label,
    ),
  ]);

// KB 67186 (INSTANT-CLONE-FAULTS.md A3): a source that is not frozen gains a delta disk per
// instant clone, and past 255 levels the clone fails while vCenter prepares the migration,
// that is after it has started acting: a SystemError wrapping GenericVmConfigFault.
export const DELTA_DISK_LIMIT = 255;

export const deltaDiskLimitReached = () =>
  new VapiError("ERROR", [
    message("msg.migrate.prepare.failed", "Unable to prepare migration."),
    message("vim.fault.GenericVmConfigFault", "Launch failure"),
  ]);
