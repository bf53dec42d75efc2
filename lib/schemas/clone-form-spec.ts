import * as z from "zod/mini";

import {
  type CloneFormValues,
  cloneFormValuesSchema,
  type NicRow,
  type ParallelRow,
  type SerialRow,
  type TriState,
} from "./clone-form";
import { specPathToFormPath } from "./clone-form-paths";
import {
  type InstantCloneSpec,
  type InstantCloneSpecInput,
  instantCloneSpecSchema,
} from "./instant-clone";

// Form values → vCenter's InstantCloneSpec, holding only what the operator changed, and the
// resolver schema that checks them with the shared spec schema.

type NicOverrideInput = NonNullable<InstantCloneSpecInput["nics_to_update"]>[string];
type SerialOverrideInput = NonNullable<InstantCloneSpecInput["serial_ports_to_update"]>[string];
type ParallelOverrideInput = NonNullable<InstantCloneSpecInput["parallel_ports_to_update"]>[string];

const triStateToBoolean = (value: TriState): boolean | undefined =>
  value === "" ? undefined : value === "true";

/** Copies the tri-state fields that are set, as booleans. */
function booleans<Row, Field extends keyof Row & string>(
  row: Row,
  fields: readonly Field[],
): Partial<Record<Field, boolean>> {
  const out: Partial<Record<Field, boolean>> = {};
  for (const field of fields) {
    const value = triStateToBoolean(row[field] as TriState);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

const withoutEmpty = <T extends object>(value: T): T | undefined =>
  Object.keys(value).length > 0 ? value : undefined;

// A link edited by hand may name a network without its type; the id prefix tells portgroups apart.
const guessNetworkType = (network: string): Exclude<NicRow["network_type"], ""> =>
  network.startsWith("dvportgroup-") ? "DISTRIBUTED_PORTGROUP" : "STANDARD_PORTGROUP";

export function nicRowToOverride(row: NicRow): NicOverrideInput | undefined {
  const out: NicOverrideInput = {};
  if (row.network !== "") {
    const type = row.network_type || guessNetworkType(row.network);
    const port = row.distributed_port.trim();
    out.backing = {
      type,
      network: row.network,
      ...(type === "DISTRIBUTED_PORTGROUP" && port !== "" ? { distributed_port: port } : {}),
    };
  }
  if (row.mac_type !== "") out.mac_type = row.mac_type;
  if (row.mac_type === "MANUAL") out.mac_address = row.mac_address.trim();
  Object.assign(
    out,
    booleans(row, [
      "start_connected",
      "allow_guest_control",
      "wake_on_lan_enabled",
      "upt_compatibility_enabled",
    ]),
  );
  return withoutEmpty(out);
}

function serialBacking(row: SerialRow): SerialOverrideInput["backing"] {
  const type = row.backing_type;
  switch (type) {
    case "":
      return undefined;
    case "FILE":
      return { type, file: row.file.trim() };
    case "HOST_DEVICE":
      // Unset means vCenter auto-detects the device.
      return row.host_device.trim() ? { type, host_device: row.host_device.trim() } : { type };
    case "PIPE_SERVER":
    case "PIPE_CLIENT":
      return { type, pipe: row.pipe.trim(), ...(row.no_rx_loss ? { no_rx_loss: true } : {}) };
    case "NETWORK_SERVER":
    case "NETWORK_CLIENT":
      return {
        type,
        network_location: row.network_location.trim(),
        ...(row.proxy.trim() ? { proxy: row.proxy.trim() } : {}),
      };
  }
}

export function serialRowToOverride(row: SerialRow): SerialOverrideInput | undefined {
  const backing = serialBacking(row);
  return withoutEmpty({
    ...(backing ? { backing } : {}),
    ...booleans(row, ["start_connected", "allow_guest_control", "yield_on_poll"]),
  });
}

function parallelBacking(row: ParallelRow): ParallelOverrideInput["backing"] {
  if (row.backing_type === "FILE") return { type: "FILE", file: row.file.trim() };
  if (row.backing_type === "HOST_DEVICE")
    return row.host_device.trim()
      ? { type: "HOST_DEVICE", host_device: row.host_device.trim() }
      : { type: "HOST_DEVICE" };
  return undefined;
}

export function parallelRowToOverride(row: ParallelRow): ParallelOverrideInput | undefined {
  const backing = parallelBacking(row);
  return withoutEmpty({
    ...(backing ? { backing } : {}),
    ...booleans(row, ["start_connected", "allow_guest_control"]),
  });
}

function rowsToMap<Row extends { key: string }, Override>(
  rows: Row[],
  toOverride: (row: Row) => Override | undefined,
): Record<string, Override> | undefined {
  const map: Record<string, Override> = {};
  for (const row of rows) {
    const override = toOverride(row);
    if (override) map[row.key] = override;
  }
  return withoutEmpty(map);
}

/** The request body as it stands, valid or not: what the preview shows and the schema checks. */
export function formValuesToSpecInput(values: CloneFormValues): InstantCloneSpecInput {
  const placement = withoutEmpty({
    ...(values.folder ? { folder: values.folder } : {}),
    ...(values.resource_pool ? { resource_pool: values.resource_pool } : {}),
    ...(values.datastore ? { datastore: values.datastore } : {}),
  });
  const nics = rowsToMap(values.nics, nicRowToOverride);
  const serial = rowsToMap(values.serial_ports, serialRowToOverride);
  const parallel = rowsToMap(values.parallel_ports, parallelRowToOverride);
  const biosUuid = values.bios_uuid.trim();
  return {
    source: values.source,
    name: values.name.trim(),
    ...(placement ? { placement } : {}),
    ...(nics ? { nics_to_update: nics } : {}),
    ...(values.disconnect_all_nics ? { disconnect_all_nics: true } : {}),
    ...(serial ? { serial_ports_to_update: serial } : {}),
    ...(parallel ? { parallel_ports_to_update: parallel } : {}),
    ...(biosUuid ? { bios_uuid: biosUuid } : {}),
  };
}

/** The validated InstantCloneSpec for these values; throws a ZodError (spec paths) when invalid. */
export function formValuesToSpec(values: CloneFormValues): InstantCloneSpec {
  return instantCloneSpecSchema.parse(formValuesToSpecInput(values));
}

/**
 * The schema the form's resolver runs: the form's values, checked by the shared spec schema with
 * each issue moved onto its form field, and turned into the spec the server receives.
 */
export const cloneFormSchema = z.pipe(
  cloneFormValuesSchema.check(
    z.superRefine((values, ctx) => {
      if (values.source === "")
        ctx.addIssue({ code: "custom", path: ["source"], message: "Choose the VM to clone" });
      const result = instantCloneSpecSchema.safeParse(formValuesToSpecInput(values));
      if (result.success) return;
      for (const issue of result.error.issues) {
        const specPath = issue.path.map(String).join(".");
        if (specPath === "source" && values.source === "") continue;
        const formPath = specPathToFormPath(specPath, values);
        ctx.addIssue({
          code: "custom",
          path: formPath ? formPath.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [],
          message: formPath ? issue.message : `${specPath || "request"}: ${issue.message}`,
        });
      }
    }),
  ),
  z.transform(formValuesToSpec),
);
