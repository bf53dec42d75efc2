import type { LocalizableMessage } from "./errors";
import {
  enumValueInvalid,
  fieldInvalid,
  fieldMissing,
  fieldsUnexpected,
  mapValueInvalid,
  typeMismatch,
} from "./messages";

// vCenter checks a request body against the operation's vAPI structures before anything else
// and reports the path to the first problem as a message stack, outermost field first.

export type Shape =
  | { kind: "string" }
  | { kind: "boolean" }
  | { kind: "enum"; name: string; values: readonly string[] }
  | { kind: "struct"; def: StructDef }
  | { kind: "map"; value: Shape };

export interface StructDef {
  name: string;
  fields: Record<string, { shape: Shape; required?: boolean }>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The vAPI data type a JSON value arrived as, for "expected STRING, but got …". */
function vapiType(value: unknown): string {
  if (value === null) return "VOID";
  if (Array.isArray(value)) return "LIST";
  if (typeof value === "number") return Number.isInteger(value) ? "INTEGER" : "DOUBLE";
  return typeof value === "object"
    ? "STRUCTURE"
    : typeof value === "boolean"
      ? "BOOLEAN"
      : "STRING";
}

/** The messages describing the first mismatch, or undefined when the value fits. */
export function checkShape(value: unknown, shape: Shape): LocalizableMessage[] | undefined {
  switch (shape.kind) {
    case "string":
      return typeof value === "string" ? undefined : [typeMismatch("STRING", vapiType(value))];
    case "boolean":
      return typeof value === "boolean" ? undefined : [typeMismatch("BOOLEAN", vapiType(value))];
    case "enum":
      if (typeof value !== "string") return [typeMismatch("STRING", vapiType(value))];
      return shape.values.includes(value)
        ? undefined
        : [enumValueInvalid(value, shape.name, shape.values)];
    case "map":
      if (!isRecord(value)) return [typeMismatch("MAP", vapiType(value))];
      for (const [key, entry] of Object.entries(value)) {
        const problem = checkShape(entry, shape.value);
        if (problem) return [mapValueInvalid(key), ...problem];
      }
      return undefined;
    case "struct":
      return checkStruct(value, shape.def);
  }
}

function checkStruct(value: unknown, def: StructDef): LocalizableMessage[] | undefined {
  if (!isRecord(value)) return [typeMismatch("STRUCTURE", vapiType(value))];
  const unexpected = Object.keys(value).filter((key) => !Object.hasOwn(def.fields, key));
  if (unexpected.length) return [fieldsUnexpected(unexpected, def.name)];
  for (const [name, field] of Object.entries(def.fields)) {
    // JSON null is how a client leaves an optional field unset.
    if (value[name] === undefined || value[name] === null) {
      if (field.required) return [fieldMissing(def.name, name)];
      continue;
    }
    const problem = checkShape(value[name], field.shape);
    if (problem) return [fieldInvalid(name), ...problem];
  }
  return undefined;
}
