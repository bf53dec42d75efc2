import type { QueryClient } from "@tanstack/react-query";

import { vmsQuery } from "@/lib/api/use-vms";
import { nextName } from "@/lib/schemas/next-clone";

/**
 * The next name in the series (web-07 → web-08) that no VM the operator can see has yet;
 * if the list cannot be read, simply the next name (vCenter still refuses a duplicate).
 */
export async function nextFreeName(queryClient: QueryClient, env: string, name: string) {
  let candidate = nextName(name);
  for (let tries = 0; tries < 20; tries++) {
    try {
      const list = await queryClient.fetchQuery({
        ...vmsQuery(env, { q: candidate, limit: 50 }),
        staleTime: 0,
      });
      if (!list.items.some((vm) => vm.name === candidate)) return candidate;
    } catch {
      return candidate;
    }
    candidate = nextName(candidate);
  }
  return candidate;
}
