import "server-only";

import { randomUUID } from "node:crypto";

import { type DehydratedState, dehydrate, QueryClient } from "@tanstack/react-query";
import { cookies } from "next/headers";

import { queryKeys } from "@/lib/api/query-keys";
import { firstVmFilter, vmsSearchParams } from "@/lib/api/use-vms";
import { environmentRuntime } from "@/lib/config/runtime";
import { logLine } from "@/lib/http/log";
import { cookieName, openSession } from "@/lib/http/session-cookie";
import { vmSearchQuery } from "@/lib/inventory/search-query";
import { searchVms } from "@/lib/inventory/vms";
import { sessionInfoSchema, vmListSchema } from "@/lib/schemas/inventory";
import type { VcenterContext } from "@/lib/vcenter/context";
import { currentUser } from "@/lib/vcenter/session";

// A page of an environment comes with what its first render needs from vCenter, read on the
// server under the operator's session, so the browser need not ask after the page arrives.
// Only answers the browser's own requests would have held are handed over (what its queries
// would have parsed, under the same keys); never the session's token. When the operator is not
// logged in, or vCenter fails or is slow, nothing is handed over and the browser asks as before.

/** How long a page waits for vCenter before it renders without the answer. */
export const PREFETCH_WAIT_MS = 1_500;

/** Who the session check would say is logged in: the answer of GET …/session. */
export const prefetchSession = (env: string) =>
  prefetch(env, (ctx) => ({
    queryKey: queryKeys.session(env),
    queryFn: async () =>
      sessionInfoSchema.parse({ user: await currentUser(ctx.runtime, ctx.session, ctx.log) }),
  }));

/** The Source VM picker's first page: the answer of GET …/vms?limit=50&power_state=POWERED_ON. */
export const prefetchFirstVmPage = (env: string) =>
  prefetch(env, (ctx, user) => {
    const filter = firstVmFilter();
    // The route's own reading of the browser's own query string: the same search.
    const query = vmSearchQuery(`http://console/?${vmsSearchParams(filter)}`);
    return {
      queryKey: queryKeys.vms(env, filter),
      queryFn: async () =>
        // Through JSON and the browser's schema: exactly what its own request would hold.
        vmListSchema.parse(JSON.parse(JSON.stringify(await searchVms(ctx, user, query)))),
    };
  });

type Prefetch = (
  ctx: VcenterContext,
  user: string,
) => { queryKey: readonly unknown[]; queryFn: () => Promise<unknown> };

async function prefetch(env: string, what: Prefetch): Promise<DehydratedState | undefined> {
  const sealed = (await cookies()).get(cookieName(env))?.value;
  const operator = await openSession(env, sealed);
  const runtime = operator && (await environmentRuntime(env));
  if (!operator || !runtime) return undefined;
  const requestId = randomUUID();
  const ctx: VcenterContext = {
    runtime,
    session: operator.token,
    log: (entry) =>
      logLine({ kind: "upstream", request_id: requestId, env, user: operator.user, ...entry }),
  };
  const { queryKey, queryFn } = what(ctx, operator.user);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // A failed or late answer leaves the query unsettled or failed, which dehydrate leaves out.
  // The read itself goes on: an inventory read fills the cache the browser's request then uses.
  await queryClient.prefetchQuery({ queryKey, queryFn: () => withinWait(queryFn()) });
  const state = dehydrate(queryClient);
  return state.queries.length > 0 ? state : undefined;
}

function withinWait<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("vCenter did not answer in time")), PREFETCH_WAIT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
