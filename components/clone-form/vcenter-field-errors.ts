import type { ApiError } from "@/lib/api/api-error";
import type { CloneFormValues } from "@/lib/schemas/clone-form";
import { specPathToFormPath } from "@/lib/schemas/clone-form-paths";

import type { CloneFormPath } from "./form-context";

export type FieldProblem = { path: CloneFormPath; message: string };

const top: [RegExp, CloneFormPath][] = [
  [/\.name\.(invalid|already_exists)$/, "name"],
  [/\.placement\.folder\./, "folder"],
  [/\.placement\.resource_pool\./, "resource_pool"],
  [/\.placement\.datastore\./, "datastore"],
  [/\.bios_uuid\./, "bios_uuid"],
];

type PortRows = "serial_ports" | "parallel_ports";
const portRows: PortRows[] = ["serial_ports", "parallel_ports"];

/** The first port row with a field holding `value`, e.g. the file a path error names. */
function portFieldHolding(values: CloneFormValues, value: string): CloneFormPath | undefined {
  for (const rows of portRows)
    for (const [index, row] of values[rows].entries())
      for (const [field, held] of Object.entries(row))
        if (field !== "key" && held === value) return `${rows}.${index}.${field}` as CloneFormPath;
  return undefined;
}

/** The one port whose backing the request changes (the message names the port by its label). */
function onlyChangedBacking(values: CloneFormValues): CloneFormPath | undefined {
  const changed = portRows.flatMap((rows) =>
    values[rows].flatMap((row, index) =>
      row.backing_type ? [`${rows}.${index}.backing_type` as CloneFormPath] : [],
    ),
  );
  return changed.length === 1 ? changed[0] : undefined;
}

/** The placement or NIC field that holds an object id (a permission error names the object). */
function fieldHoldingObject(values: CloneFormValues, id: string): CloneFormPath | undefined {
  for (const path of ["folder", "resource_pool", "datastore"] as const)
    if (values[path] === id) return path;
  const nic = values.nics.findIndex((row) => row.network === id);
  return nic >= 0 ? `nics.${nic}.network` : undefined;
}

/**
 * The fields vCenter's messages name, read from each message's id and arguments: a datastore,
 * network, NIC, port, folder or name refused by vCenter is shown on that field too.
 */
export function vcenterFieldErrors(error: ApiError, values: CloneFormValues): FieldProblem[] {
  const found: FieldProblem[] = [];
  const add = (path: CloneFormPath | string | undefined, message: string) => {
    if (path && !found.some((p) => p.path === path))
      found.push({ path: path as CloneFormPath, message });
  };
  for (const m of error.vcenterMessages) {
    const text = m.localized ?? m.default_message;
    const args = m.args ?? [];
    const topField = top.find(([pattern]) => pattern.test(m.id))?.[1];
    if (topField) add(topField, text);
    else if (m.id.endsWith(".instant_clone.device.not_found") && args.length >= 2)
      add(specPathToFormPath(`${args[0]}.${args[1]}`, values), text);
    else if (m.id === "vmsg.InvalidDatastorePath.summary" && args[0])
      add(portFieldHolding(values, args[0]), text);
    else if (m.id.endsWith(".hardware.backing.uri.invalid") && args[1])
      add(portFieldHolding(values, args[1]), text);
    else if (m.id.endsWith(".hardware.backing.not_allowed_in_current_state"))
      add(onlyChangedBacking(values), text);
    else if (m.id === "vim.fault.NoPermission" && args[1])
      add(fieldHoldingObject(values, args[1]), text);
  }
  return found;
}
