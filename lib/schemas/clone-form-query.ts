import {
  type CloneFormValues,
  cloneFormValuesSchema,
  emptyCloneFormValues,
  emptyNicRow,
  emptyParallelRow,
  emptySerialRow,
  nicRowSchema,
  parallelRowSchema,
  serialRowSchema,
} from "./clone-form";

// The clone form in a URL (DESIGN.md: "every spec field has a query form"), so a bookmark or a
// "Copy link" restores the form exactly. Keys follow the spec's own names, with short prefixes:
//   source, name, folder, resource_pool, datastore, disconnect_all_nics, bios_uuid
//   nic.4000.backing.network, nic.4000.backing.type, nic.4000.mac_type, nic.4000.start_connected…
//   serial.9000.backing.type, serial.9000.backing.file, serial.9000.yield_on_poll…
//   parallel.10000.backing.type, parallel.10000.backing.file…
// Only values that differ from the empty form are written; unknown or malformed keys are ignored.

const topLevelFields = [
  "source",
  "name",
  "folder",
  "resource_pool",
  "datastore",
  "disconnect_all_nics",
  "bios_uuid",
] as const;

type RowKind = {
  prefix: string;
  rows: "nics" | "serial_ports" | "parallel_ports";
  empty: (key: string) => Record<string, unknown> & { key: string };
  shape: Record<string, { safeParse: (value: unknown) => { success: boolean; data?: unknown } }>;
  /** form field → query suffix; fields not listed keep their own name */
  renamed: Record<string, string>;
};

const backingFields = (fields: string[]) =>
  Object.fromEntries(fields.map((field) => [field, `backing.${field}`]));

const rowKinds: RowKind[] = [
  {
    prefix: "nic",
    rows: "nics",
    empty: emptyNicRow,
    shape: nicRowSchema.shape,
    renamed: {
      network: "backing.network",
      network_type: "backing.type",
      distributed_port: "backing.distributed_port",
    },
  },
  {
    prefix: "serial",
    rows: "serial_ports",
    empty: emptySerialRow,
    shape: serialRowSchema.shape,
    renamed: {
      backing_type: "backing.type",
      ...backingFields(["file", "host_device", "pipe", "no_rx_loss", "network_location", "proxy"]),
    },
  },
  {
    prefix: "parallel",
    rows: "parallel_ports",
    empty: emptyParallelRow,
    shape: parallelRowSchema.shape,
    renamed: { backing_type: "backing.type", ...backingFields(["file", "host_device"]) },
  },
];

const toQueryValue = (value: unknown): string => (value === true ? "true" : String(value));
const isDefault = (value: unknown, empty: unknown) => value === empty;

/** The query string (without "?") that restores these form values. */
export function formValuesToQuery(values: CloneFormValues): string {
  const params = new URLSearchParams();
  const empty = emptyCloneFormValues();
  for (const field of topLevelFields)
    if (!isDefault(values[field], empty[field])) params.set(field, toQueryValue(values[field]));
  for (const kind of rowKinds) {
    for (const row of values[kind.rows] as (Record<string, unknown> & { key: string })[]) {
      const emptyRow = kind.empty(row.key);
      for (const [field, value] of Object.entries(row)) {
        if (field === "key" || isDefault(value, emptyRow[field])) continue;
        params.set(
          `${kind.prefix}.${row.key}.${kind.renamed[field] ?? field}`,
          toQueryValue(value),
        );
      }
    }
  }
  return params.toString();
}

/** Parses a query value for a field whose empty value tells its type (boolean or string enum). */
function parseFieldValue(
  raw: string,
  emptyValue: unknown,
  schema: RowKind["shape"][string],
): { ok: true; value: unknown } | { ok: false } {
  const candidate = typeof emptyValue === "boolean" ? raw === "true" : raw;
  if (typeof emptyValue === "boolean" && raw !== "true" && raw !== "false") return { ok: false };
  const parsed = schema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}

/** Form values from a query string; rows appear for the device keys the query mentions. */
export function queryToFormValues(query: URLSearchParams | string): CloneFormValues {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const values = emptyCloneFormValues();
  const shape = cloneFormValuesSchema.shape;
  for (const field of topLevelFields) {
    const raw = params.get(field);
    if (raw === null) continue;
    const parsed = parseFieldValue(raw, values[field], shape[field]);
    if (parsed.ok) Object.assign(values, { [field]: parsed.value });
  }
  for (const [name, raw] of params) {
    const match = /^([a-z]+)\.(\d{1,9})\.([a-z_.]+)$/.exec(name);
    const kind = match && rowKinds.find((k) => k.prefix === match[1]);
    if (!match || !kind) continue;
    const [, , key, suffix] = match;
    const field = Object.entries(kind.renamed).find(([, query]) => query === suffix)?.[0] ?? suffix;
    const emptyRow = kind.empty(key);
    if (field === "key" || !(field in emptyRow) || !kind.shape[field]) continue;
    const parsed = parseFieldValue(raw, emptyRow[field], kind.shape[field]);
    if (!parsed.ok) continue;
    const rows = values[kind.rows] as (Record<string, unknown> & { key: string })[];
    let row = rows.find((r) => r.key === key);
    if (!row) rows.push((row = emptyRow));
    row[field] = parsed.value;
  }
  return values;
}
