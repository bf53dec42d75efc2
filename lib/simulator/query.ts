import { VapiError } from "./errors";
import {
  enumValueInvalid,
  fieldInvalid,
  inputInvalid,
  paramTypeInvalid,
  tooManyMatches,
} from "./messages";

// List filters arrive as repeated query keys (?names=a&names=b); "unset or empty" matches all.

export type Filter = ReadonlySet<string> | undefined;

export function filterOf(query: URLSearchParams, name: string): Filter {
  const values = query.getAll(name);
  return values.length ? new Set(values) : undefined;
}

/** Several filters at once, by name: filtersOf(q, ["names", "folders"]).names */
export function filtersOf<K extends string>(
  query: URLSearchParams,
  names: readonly K[],
): Record<K, Filter> {
  return Object.fromEntries(names.map((name) => [name, filterOf(query, name)])) as Record<
    K,
    Filter
  >;
}

export const passes = (filter: Filter, value: string | undefined | null): boolean =>
  !filter || (value != null && filter.has(value));

/** An enum filter; a value outside the enum is INVALID_ARGUMENT, as vCenter answers. */
export function enumFilterOf(
  query: URLSearchParams,
  name: string,
  method: string,
  enumName: string,
  allowed: readonly string[],
): Filter {
  const filter = filterOf(query, name);
  for (const value of filter ?? [])
    if (!allowed.includes(value))
      throw new VapiError("INVALID_ARGUMENT", [
        inputInvalid(method),
        fieldInvalid("filter"),
        enumValueInvalid(value, enumName, allowed),
      ]);
  return filter;
}

export function booleanOf(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (value !== "true" && value !== "false") throw paramTypeInvalid(name, "boolean", value);
  return value === "true";
}

/** vCenter refuses a list with more matches than its cap rather than truncating it. */
export function collect<T, R>(
  items: Iterable<T>,
  keep: (item: T) => boolean,
  toSummary: (item: T) => R,
  cap: { max: number; kind: string; plural: string },
): R[] {
  const out: R[] = [];
  for (const item of items) {
    if (!keep(item)) continue;
    if (out.length === cap.max) throw tooManyMatches(cap.kind, cap.plural);
    out.push(toSummary(item));
  }
  return out;
}
