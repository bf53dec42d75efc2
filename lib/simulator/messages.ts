import { type LocalizableMessage, message, VapiError } from "./errors";

// Message ids and texts as vCenter 7.0 prints them where a real capture exists
// (authentication, not found, too many matches, structure errors); the rest follow the same style.

export const authenticationRequired = (challenge: string): VapiError =>
  new VapiError(
    "UNAUTHENTICATED",
    [
      message(
        "com.vmware.vapi.endpoint.method.authentication.required",
        "Authentication required.",
      ),
    ],
    { challenge },
  );

export const unauthorized = (cause: LocalizableMessage): VapiError =>
  new VapiError("UNAUTHORIZED", [
    message("vapi.security.authorization.invalid", "Unable to authorize user"),
    cause,
  ]);

export const routeNotFound = (): VapiError =>
  new VapiError("NOT_FOUND", [message("com.vmware.vapi.rest.httpNotFound", "Not found.")]);

/** vCenter names a VM as "vm-42:<its own instance UUID>" in these messages. */
export const vmNotFound = (vm: string, serverGuid: string): LocalizableMessage =>
  message(
    "com.vmware.api.vcenter.vm.not_found",
    `Virtual machine with identifier '${vm}:${serverGuid}' does not exist.`,
    `${vm}:${serverGuid}`,
  );

export const deviceNotFound = (key: string, vm: string): LocalizableMessage =>
  message(
    "com.vmware.api.vcenter.vm.device.not_found",
    `Device with identifier '${key}' does not exist on the virtual machine '${vm}'.`,
    key,
    vm,
  );

const OBJECT_KINDS = {
  folder: "Folder",
  resource_pool: "Resource pool",
  datastore: "Datastore",
  network: "Network",
} as const;

export const objectNotFound = (kind: keyof typeof OBJECT_KINDS, id: string): LocalizableMessage =>
  message(
    `com.vmware.api.vcenter.${kind}.not_found`,
    `${OBJECT_KINDS[kind]} with identifier '${id}' does not exist.`,
    id,
  );

export const tooManyMatches = (kind: string, plural: string): VapiError =>
  new VapiError("UNABLE_TO_ALLOCATE_RESOURCE", [
    message(
      `com.vmware.api.vcenter.${kind}.too_many_matches`,
      `Too many ${plural}. Add more filter criteria to reduce the number.`,
    ),
  ]);

export const inputInvalid = (method: string): LocalizableMessage =>
  message("vapi.invoke.input.invalid", `Unable to validate input to method ${method}`, method);

export const fieldInvalid = (field: string): LocalizableMessage =>
  message("vapi.data.structure.field.invalid", `Found invalid field ${field} in structure.`, field);

export const fieldMissing = (struct: string, field: string): LocalizableMessage =>
  message(
    "vapi.data.structure.field.missing",
    `Structure '${struct}' is missing a field: ${field}`,
    struct,
    field,
  );

export const fieldsUnexpected = (fields: string[], struct: string): LocalizableMessage =>
  message(
    "vapi.data.structure.field.unexpected",
    `Found unexpected fields [${fields.join(", ")}] in structure '${struct}'.`,
    `[${fields.join(", ")}]`,
    struct,
  );

export const typeMismatch = (expected: string, actual: string): LocalizableMessage =>
  message(
    "vapi.data.validate.mismatch",
    `Type mismatch - expected an object of type '${expected}', but got '${actual}'`,
    expected,
    actual,
  );

export const mapValueInvalid = (key: string): LocalizableMessage =>
  message("vapi.bindings.typeconverter.dict.value.invalid", `Invalid value for key '${key}'`, key);

export const enumValueInvalid = (
  value: string,
  enumName: string,
  allowed: readonly string[],
): LocalizableMessage =>
  message(
    "vapi.data.enumeration.value.invalid",
    `Invalid value '${value}' for enumeration '${enumName}'. Expected one of: ${allowed.join(", ")}.`,
    value,
    enumName,
  );

export const bodyParseError = (detail: string): VapiError =>
  new VapiError("INVALID_ARGUMENT", [
    message(
      "vapi.protocol.server.rest.param.body_parse_error",
      `Error when parsing request body, '${detail}'`,
      detail,
    ),
  ]);

export const paramTypeInvalid = (name: string, expected: string, value: string): VapiError =>
  new VapiError("INVALID_ARGUMENT", [
    message(
      "vapi.protocol.server.rest.param.invalid_type",
      `Invalid value for request parameter '${name}'. Expected a value of type '${expected}', but parsing failed because of '${value}'`,
      name,
      expected,
    ),
  ]);

/** vCenter 7.0 U2's own body (recorded/Get_guest_identity_information.result.json). */
export const guestInformationNotAvailable = (vm: string, serverGuid: string): LocalizableMessage =>
  message(
    "com.vmware.api.vcenter.vm.guest.information_not_available",
    `VMware Tools in the virtual machine with identifier '${vm}:${serverGuid}' provided no information.`,
    `${vm}:${serverGuid}`,
  );

export const alreadyPoweredOff = (vm: string): LocalizableMessage =>
  message(
    "com.vmware.api.vcenter.vm.power.already_powered_off",
    `Virtual machine '${vm}' is already powered off.`,
    vm,
  );

/** Deleting a running VM: the API's message, then vim's InvalidPowerState as its cause. */
export const poweredOnNoDelete = (vm: string): LocalizableMessage[] => [
  message(
    "com.vmware.api.vcenter.vm.delete.powered_on",
    `Virtual machine '${vm}' is powered on: power it off before deleting it.`,
    vm,
  ),
  message(
    "vim.fault.InvalidPowerState",
    "The attempted operation cannot be performed in the current state (Powered on).",
  ),
];
