import "server-only";

import type { $ZodError } from "zod/v4/core";

/** One message per field, keyed by the dotted path of the field in the request body. */
export function fieldErrors(error: $ZodError): Record<string, string> {
  // A Map, then fromEntries: a field named "__proto__" stays a key instead of a prototype.
  const out = new Map<string, string>();
  const add = (path: string, message: string) => out.has(path) || out.set(path, message);
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(join(base, key), "Unknown field");
      continue;
    }
    add(
      base || "body",
      issue.code === "invalid_key" ? "Must be a device key (digits) such as 4000" : issue.message,
    );
  }
  return Object.fromEntries(out);
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

export function summarizeFieldErrors(errors: Record<string, string>): string {
  const entries = Object.entries(errors);
  const [first] = entries;
  if (!first) return "The request is invalid";
  const more = entries.length > 1 ? ` (and ${entries.length - 1} more)` : "";
  return `${first[0]}: ${first[1]}${more}`;
}
