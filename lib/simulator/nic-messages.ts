import { message, VapiError } from "./errors";
import { invalid } from "./clone-messages";

// Network adapter failures of instant clone, in vCenter's id and wording style.

const eth = "com.vmware.api.vcenter.vm.hardware.ethernet";

export const hostDeviceBacking = () =>
  invalid(
    message(
      `${eth}.backing.unsupported`,
      "The backing type HOST_DEVICE cannot be used to create or update a network adapter.",
      "HOST_DEVICE",
    ),
  );

export const networkMissing = (type: string) =>
  invalid(
    message(`${eth}.backing.network.missing`, `The backing type ${type} needs a network.`, type),
  );

export const networkTypeMismatch = (
  network: string,
  networkId: string,
  networkType: string,
  backingType: string,
) =>
  invalid(
    message(
      `${eth}.backing.network.type_mismatch`,
      `${network} is a ${networkType} and cannot back a network adapter of backing type ${backingType}.`,
      networkId,
      networkType,
      backingType,
    ),
  );

export const networkNotOnHost = (network: string, networkId: string, host: string) =>
  invalid(
    message(
      `${eth}.backing.network.not_on_host`,
      `${network} is not available on ${host}, where the source virtual machine runs.`,
      networkId,
    ),
  );

export const portNeedsDistributed = (type: string) =>
  invalid(
    message(
      `${eth}.backing.distributed_port.not_applicable`,
      `A distributed port can only be set for backing type DISTRIBUTED_PORTGROUP, not ${type}.`,
      type,
    ),
  );

export const portNeedsStaticBinding = (network: string, networkId: string) =>
  invalid(
    message(
      `${eth}.backing.distributed_port.not_static`,
      `${network} does not use static port binding, so a distributed port cannot be chosen.`,
      networkId,
    ),
  );

export const portUnknown = (port: string, network: string, networkId: string) =>
  invalid(
    message(
      `${eth}.backing.distributed_port.not_found`,
      `Port '${port}' does not exist on ${network}.`,
      port,
      networkId,
    ),
  );

export const portInUse = (port: string, network: string, networkId: string) =>
  new VapiError("RESOURCE_IN_USE", [
    message(
      `${eth}.backing.distributed_port.in_use`,
      `Port '${port}' of ${network} is already in use by another network adapter.`,
      port,
      networkId,
    ),
  ]);

export const noFreePort = (network: string, networkId: string) =>
  new VapiError("UNABLE_TO_ALLOCATE_RESOURCE", [
    message(
      `${eth}.backing.distributed_port.exhausted`,
      `No free port is left on ${network}.`,
      networkId,
    ),
  ]);

export const macRequired = () =>
  invalid(
    message(
      `${eth}.mac_address.missing`,
      "A MAC address must be set when the MAC address type is MANUAL.",
      "MANUAL",
    ),
  );

export const macNotAllowed = (type: string) =>
  invalid(
    message(
      `${eth}.mac_address.not_allowed`,
      `A MAC address can only be set when the MAC address type is MANUAL, not ${type}.`,
      type,
    ),
  );

export const macInvalid = (mac: string) =>
  invalid(
    message(`${eth}.mac_address.invalid`, `'${mac}' is not a valid static MAC address.`, mac),
  );

export const uptNotSupported = (type: string) =>
  invalid(
    message(
      `${eth}.upt.unsupported`,
      `UPT compatibility can only be enabled on a VMXNET3 adapter, not ${type}.`,
      type,
    ),
  );
