import "server-only";

import { notFound } from "next/navigation";

import { listEnvironments } from "@/lib/config/environments";
import type { EnvironmentSummary } from "@/lib/schemas/inventory";

/** The environment a route's `env` segment names, or the not-found page. */
export async function getEnvironment(
  params: Promise<{ env: string }>,
): Promise<EnvironmentSummary> {
  const { env } = await params;
  const environment = listEnvironments().find((candidate) => candidate.id === env);
  if (!environment) notFound();
  return environment;
}

type SearchParams = Record<string, string | string[] | undefined>;

/** Next's parsed search params back into a query string, repeated keys kept. */
export function toQueryString(searchParams: SearchParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams))
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      query.append(key, item);
  return query.toString();
}
