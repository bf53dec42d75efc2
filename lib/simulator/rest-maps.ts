import { INSTANT_CLONE_METHOD } from "./clone-spec";
import { VapiError } from "./errors";
import { fieldsUnexpected, inputInvalid, typeMismatch } from "./messages";

// /rest writes maps as [{"key": …, "value": …}] and wraps request bodies in {"spec": …}.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const toPairs = (map: unknown) =>
  isRecord(map) ? Object.entries(map).map(([key, value]) => ({ key, value })) : map;

/** A key/value array back into an object; anything else is left for the shape check to refuse. */
function fromPairs(value: unknown): unknown {
  if (
    !Array.isArray(value) ||
    !value.every((pair) => isRecord(pair) && typeof pair.key === "string")
  )
    return value;
  return Object.fromEntries(value.map((pair: Record<string, unknown>) => [pair.key, pair.value]));
}

const VM_INFO_MAPS = [
  "disks",
  "nics",
  "cdroms",
  "floppies",
  "parallel_ports",
  "serial_ports",
  "sata_adapters",
  "scsi_adapters",
  "nvme_adapters",
];

/** VM.Info in /rest form. vSphere 6.7 had no identity, instant_clone_frozen or NVMe adapters. */
export function vmInfoForRest(
  info: Record<string, unknown>,
  legacy: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...info };
  for (const key of VM_INFO_MAPS) out[key] = toPairs(out[key]);
  if (legacy)
    for (const key of ["identity", "instant_clone_frozen", "nvme_adapters"]) delete out[key];
  return out;
}

const CLONE_MAPS = ["nics_to_update", "parallel_ports_to_update", "serial_ports_to_update"];

/** The /rest instant-clone body {"spec": {...}} as the /api operation takes it. */
export function cloneBodyFromRest(body: unknown): unknown {
  if (body === undefined) return undefined;
  if (!isRecord(body))
    throw new VapiError("INVALID_ARGUMENT", [
      inputInvalid(INSTANT_CLONE_METHOD),
      typeMismatch("STRUCTURE", Array.isArray(body) ? "LIST" : "STRING"),
    ]);
  const unexpected = Object.keys(body).filter((key) => key !== "spec");
  if (unexpected.length)
    throw new VapiError("INVALID_ARGUMENT", [fieldsUnexpected(unexpected, "operation-input")]);
  if (!isRecord(body.spec)) return body.spec;
  const spec: Record<string, unknown> = { ...body.spec };
  for (const key of CLONE_MAPS) if (key in spec) spec[key] = fromPairs(spec[key]);
  return spec;
}
