import type { CloneFormValues } from "./clone-form";

// The way back from the spec to the form, for error paths: a spec path
// ("nics_to_update.4000.mac_address") → the form field that produced it ("nics.0.mac_address").

const rowFieldBySpecField: Record<string, string> = {
  backing: "network",
  "backing.type": "network",
  "backing.network": "network",
  "backing.distributed_port": "distributed_port",
};
const portFieldBySpecField = (field: string): string =>
  field === "backing" || field === "backing.type"
    ? "backing_type"
    : field.replace(/^backing\./, "");

const deviceMaps = {
  nics_to_update: { rows: "nics", field: (f: string) => rowFieldBySpecField[f] ?? f },
  serial_ports_to_update: { rows: "serial_ports", field: portFieldBySpecField },
  parallel_ports_to_update: { rows: "parallel_ports", field: portFieldBySpecField },
} as const;

const topLevel: Record<string, string> = {
  source: "source",
  name: "name",
  placement: "folder",
  "placement.folder": "folder",
  "placement.resource_pool": "resource_pool",
  "placement.datastore": "datastore",
  disconnect_all_nics: "disconnect_all_nics",
  bios_uuid: "bios_uuid",
};

/**
 * The form field behind a dotted spec path, e.g. "nics_to_update.4000.mac_address" →
 * "nics.0.mac_address", or undefined when no field matches (the error then stays in the stack).
 */
export function specPathToFormPath(specPath: string, values: CloneFormValues): string | undefined {
  if (topLevel[specPath]) return topLevel[specPath];
  const [mapName, key, ...rest] = specPath.split(".");
  if (!(mapName in deviceMaps) || key === undefined) return undefined;
  const map = deviceMaps[mapName as keyof typeof deviceMaps];
  const index = values[map.rows].findIndex((row) => row.key === key);
  if (index < 0) return undefined;
  // A row-level error (no field) lands on the row's first control.
  const field = rest.length > 0 ? map.field(rest.join(".")) : map.field("backing");
  return `${map.rows}.${index}.${field}`;
}
