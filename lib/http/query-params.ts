import "server-only";

import { ConsoleError } from "./console-error";

/**
 * The query as a plain object for a zod schema, refusing keys the route does not take first:
 * a key such as "__proto__" would otherwise vanish into the object's prototype unseen.
 */
export function queryParams(
  search: URLSearchParams,
  allowed: readonly string[],
): Record<string, string> {
  const unknown = [...new Set([...search.keys()].filter((key) => !allowed.includes(key)))];
  if (unknown.length > 0)
    throw new ConsoleError(
      400,
      `Unknown query parameter ${unknown[0].slice(0, 40)}`,
      Object.fromEntries(
        unknown.map((key) => [
          key.slice(0, 60),
          allowed.length > 0
            ? `Not a parameter here; use ${allowed.join(", ")}`
            : "This route takes no query parameters",
        ]),
      ),
    );
  const out: Record<string, string> = Object.create(null);
  for (const key of allowed) {
    const value = search.get(key);
    if (value !== null) out[key] = value;
  }
  return out;
}

/** For routes that take no query: any key is refused, as on the routes that take some. */
export function noQuery(req: Request): void {
  queryParams(new URL(req.url).searchParams, []);
}
