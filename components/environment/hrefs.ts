import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { nextCloneSpec } from "@/lib/schemas/next-clone";
import { specToQuery } from "@/lib/schemas/spec-query";

// The page addresses of one environment, built in one place so links cannot drift.

/** The environment's page: its clone form. */
export const formHref = (env: string) => `/e/${encodeURIComponent(env)}`;

/** The history page, with its filter and page as the query (without "?"), if any. */
export const historyHref = (env: string, query = "") =>
  `${formHref(env)}/history${query ? `?${query}` : ""}`;

export const operationHref = (env: string, id: string) =>
  `${formHref(env)}/operations/${encodeURIComponent(id)}`;

/**
 * The clone form prefilled with a recorded spec, through the form's own query keys: under the
 * next name, without the manual MAC and BIOS UUID a second clone must not repeat.
 */
export const cloneAgainHref = (env: string, spec: InstantCloneSpec) => {
  const query = specToQuery(nextCloneSpec(spec));
  return `${formHref(env)}${query ? `?${query}` : ""}`;
};

export const batchHref = (env: string, id: string) =>
  `${formHref(env)}/batches/${encodeURIComponent(id)}`;
