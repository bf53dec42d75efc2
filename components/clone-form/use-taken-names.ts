import { useQuery } from "@tanstack/react-query";

import { envPath, fetchJson } from "@/lib/api/fetch-json";
import { queryKeys } from "@/lib/api/query-keys";
import { vmListSchema } from "@/lib/schemas/inventory";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";

const commonPrefix = (names: string[]) => {
  let prefix = names[0] ?? "";
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
};

/**
 * Which of a batch's names a VM already has (in the target folder when one is chosen), as far
 * as one search by the names' common start can tell. The server checks again on submit.
 */
export function useTakenNames(env: string, names: string[], folder: string): string[] {
  const prefix = useDebouncedValue(commonPrefix(names), 300);
  const query = useQuery({
    queryKey: [...queryKeys.environment(env), "vms", "taken", prefix, folder] as const,
    enabled: prefix.length > 0,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ q: prefix, limit: "1000" });
      if (folder) params.set("folder", folder);
      return fetchJson(envPath(env, `/vms?${params}`), { schema: vmListSchema, signal });
    },
  });
  if (!query.data) return [];
  const wanted = new Set(names);
  return query.data.items.map((vm) => vm.name).filter((name) => wanted.has(name));
}
