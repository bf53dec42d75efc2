import type { InstantCloneSpec } from "./instant-clone";

// A recorded spec as the clone form's query (lib/schemas/clone-form-query.ts), so "Clone again"
// opens the form prefilled. The query keys follow the spec's own paths with short prefixes.
const prefixes: Record<string, string> = {
  placement: "",
  nics_to_update: "nic",
  serial_ports_to_update: "serial",
  parallel_ports_to_update: "parallel",
};

export function specToQuery(spec: InstantCloneSpec): string {
  const params = new URLSearchParams();
  const walk = (value: unknown, path: string[]) => {
    if (value === undefined || value === null) return;
    if (typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
      return;
    }
    const [head, ...rest] = path;
    const prefix = prefixes[head];
    const key = prefix === undefined ? path : prefix === "" ? rest : [prefix, ...rest];
    params.set(key.join("."), String(value));
  };
  walk(spec, []);
  return params.toString();
}
