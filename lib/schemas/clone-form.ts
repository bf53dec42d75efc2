import * as z from "zod/mini";

import {
  ethernetBackingTypes,
  macTypes,
  parallelBackingTypes,
  serialBackingTypes,
} from "./instant-clone";

// The clone form's own values, shaped for react-hook-form rather than for vCenter: the spec's
// maps keyed by device key ("4000") become arrays of rows carrying their key, because RHF reads
// numeric path segments as array indices. clone-form-spec.ts turns these values into an
// InstantCloneSpec; clone-form-query.ts turns them into a query string and back.
//
// Every field has a "keep the source's value" state ("" or false), so the spec holds only what
// the operator changed.

/** "" keeps the source's value; "true"/"false" override it. A select, so three states are explicit. */
export const triStateValues = ["", "true", "false"] as const;
export const triStateSchema = z.enum(triStateValues);
export type TriState = z.infer<typeof triStateSchema>;

export const nicRowSchema = z.object({
  key: z.string(),
  /** "" keeps the current backing. */
  network: z.string(),
  /** The chosen network's type, which becomes backing.type. */
  network_type: z.enum(["", ...ethernetBackingTypes]),
  distributed_port: z.string(),
  mac_type: z.enum(["", ...macTypes]),
  mac_address: z.string(),
  start_connected: triStateSchema,
  allow_guest_control: triStateSchema,
  wake_on_lan_enabled: triStateSchema,
  upt_compatibility_enabled: triStateSchema,
});
export type NicRow = z.infer<typeof nicRowSchema>;

export const serialRowSchema = z.object({
  key: z.string(),
  /** "" keeps the current backing; otherwise the fields of that type apply. */
  backing_type: z.enum(["", ...serialBackingTypes]),
  file: z.string(),
  host_device: z.string(),
  pipe: z.string(),
  no_rx_loss: z.boolean(),
  network_location: z.string(),
  proxy: z.string(),
  start_connected: triStateSchema,
  allow_guest_control: triStateSchema,
  yield_on_poll: triStateSchema,
});
export type SerialRow = z.infer<typeof serialRowSchema>;

export const parallelRowSchema = z.object({
  key: z.string(),
  backing_type: z.enum(["", ...parallelBackingTypes]),
  file: z.string(),
  host_device: z.string(),
  start_connected: triStateSchema,
  allow_guest_control: triStateSchema,
});
export type ParallelRow = z.infer<typeof parallelRowSchema>;

export const cloneFormValuesSchema = z.object({
  source: z.string(),
  name: z.string(),
  /** "" means the same as the source, as vCenter does for an unset placement field. */
  folder: z.string(),
  resource_pool: z.string(),
  datastore: z.string(),
  nics: z.array(nicRowSchema),
  disconnect_all_nics: z.boolean(),
  serial_ports: z.array(serialRowSchema),
  parallel_ports: z.array(parallelRowSchema),
  bios_uuid: z.string(),
});
export type CloneFormValues = z.infer<typeof cloneFormValuesSchema>;

export const emptyCloneFormValues = (): CloneFormValues => ({
  source: "",
  name: "",
  folder: "",
  resource_pool: "",
  datastore: "",
  nics: [],
  disconnect_all_nics: false,
  serial_ports: [],
  parallel_ports: [],
  bios_uuid: "",
});

export const emptyNicRow = (key: string): NicRow => ({
  key,
  network: "",
  network_type: "",
  distributed_port: "",
  mac_type: "",
  mac_address: "",
  start_connected: "",
  allow_guest_control: "",
  wake_on_lan_enabled: "",
  upt_compatibility_enabled: "",
});

export const emptySerialRow = (key: string): SerialRow => ({
  key,
  backing_type: "",
  file: "",
  host_device: "",
  pipe: "",
  no_rx_loss: false,
  network_location: "",
  proxy: "",
  start_connected: "",
  allow_guest_control: "",
  yield_on_poll: "",
});

export const emptyParallelRow = (key: string): ParallelRow => ({
  key,
  backing_type: "",
  file: "",
  host_device: "",
  start_connected: "",
  allow_guest_control: "",
});

/** True when a row overrides nothing, i.e. equals the empty row of its key. */
export function isRowUntouched<Row extends { key: string }>(row: Row, empty: Row): boolean {
  return (Object.keys(empty) as (keyof Row)[]).every((field) => row[field] === empty[field]);
}

/**
 * One row per device of the source, in the source's order, keeping the overrides already made
 * for the same key (restored from a link or a draft). Rows for keys the source lacks are kept
 * only if they override something, so the operator sees them instead of losing them silently.
 */
export function reconcileRows<Row extends { key: string }>(
  rows: Row[],
  sourceKeys: string[],
  empty: (key: string) => Row,
): Row[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const kept = sourceKeys.map((key) => byKey.get(key) ?? empty(key));
  const strays = rows.filter(
    (row) => !sourceKeys.includes(row.key) && !isRowUntouched(row, empty(row.key)),
  );
  return [...kept, ...strays];
}
