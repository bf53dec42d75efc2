import { useQueries } from "@tanstack/react-query";

import { vmQuery } from "@/lib/api/use-vm";

/**
 * id → name of the source VMs on one page of the history, read through the console (one read
 * per distinct source, cached). A source that is gone, or not readable by this operator, keeps
 * just its id.
 */
export function useSourceNames(env: string, ids: string[]): (id: string) => string | undefined {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({ ...vmQuery(env, id), retry: false })),
  });
  const names = new Map(unique.map((id, i) => [id, results[i]?.data?.name]));
  return (id) => names.get(id);
}
