import { queryOptions, useQueries, useQuery } from "@tanstack/react-query";

import { type Guest, guestSchema } from "@/lib/schemas/guest";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

/** How often a page that shows a new clone asks about its guest (Ansible asks every 15 s). */
export const GUEST_POLL_MS = 2_000;

/** Still worth asking: the clone's guest has neither reported nor run past its limit. */
export const isWaiting = (guest: Guest | undefined) =>
  guest === undefined || (guest.clone ? guest.clone.state === "waiting" : !guest.ready);

/**
 * A VM's guest, asked again every few seconds while it is not ready, and only while a page that
 * shows it is mounted and visible: React Query stops the interval when the last observer
 * unmounts, and (refetchIntervalInBackground off) while the tab is hidden.
 */
export const guestQuery = (env: string, vm: string, enabled = true) =>
  queryOptions({
    queryKey: queryKeys.guest(env, vm),
    queryFn: ({ signal }) =>
      fetchJson(envPath(env, `/vms/${encodeURIComponent(vm)}/guest`), {
        schema: guestSchema,
        signal,
      }),
    enabled,
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.error || !isWaiting(query.state.data) ? false : GUEST_POLL_MS,
    refetchIntervalInBackground: false,
  });

export const useGuest = (env: string, vm: string, enabled = true) =>
  useQuery(guestQuery(env, vm, enabled));

/** The guests of several clones (a batch's rows), each followed like useGuest's. */
export const useGuests = (env: string, vms: readonly string[]) =>
  useQueries({ queries: vms.map((vm) => guestQuery(env, vm)) });
