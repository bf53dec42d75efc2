"use client";

import { useGuests } from "@/lib/api/use-guest";
import type { Guest } from "@/lib/schemas/guest";
import type { BatchItemView } from "@/lib/schemas/batch-status";

/** The same IP or hostname as another clone of the same batch, with that clone's name. */
export interface BatchClash {
  ip_address?: { value: string; others: string[] };
  host_name?: { value: string; others: string[] };
}

export interface BatchGuest {
  guest?: Guest;
  error?: Error;
  clash?: BatchClash;
}

/** A made clone still worth following: not deleted (or being deleted). */
const followed = (item: BatchItemView) =>
  item.state === "succeeded" &&
  item.vm !== undefined &&
  (item.deletion === undefined ||
    item.deletion.state === "failed" ||
    item.deletion.state === "refused" ||
    item.deletion.state === "cancelled");

/**
 * Follows the guest of every clone the batch made while the page is shown (the same query as a
 * single clone's, so each stops once ready or past its limit), and finds clones of the batch that
 * report the same IP or hostname as one another.
 */
export function useBatchGuests(env: string, items: BatchItemView[]): Map<number, BatchGuest> {
  const rows = items.filter(followed);
  const queries = useGuests(
    env,
    rows.map((item) => item.vm!),
  );
  const identity = (guest: Guest | undefined) => ({
    ip: guest?.clone?.ip_address ?? guest?.ip_address,
    host: guest?.clone?.host_name ?? guest?.host_name,
  });
  const byIp = new Map<string, string[]>();
  const byHost = new Map<string, string[]>();
  rows.forEach((item, i) => {
    const { ip, host } = identity(queries[i]?.data);
    if (ip) byIp.set(ip, [...(byIp.get(ip) ?? []), item.name]);
    if (host)
      byHost.set(host.toLowerCase(), [...(byHost.get(host.toLowerCase()) ?? []), item.name]);
  });
  const result = new Map<number, BatchGuest>();
  rows.forEach((item, i) => {
    const query = queries[i];
    const { ip, host } = identity(query?.data);
    const ipOthers = ip ? (byIp.get(ip) ?? []).filter((name) => name !== item.name) : [];
    const hostOthers = host
      ? (byHost.get(host.toLowerCase()) ?? []).filter((name) => name !== item.name)
      : [];
    const clash: BatchClash = {
      ...(ip && ipOthers.length ? { ip_address: { value: ip, others: ipOthers } } : {}),
      ...(host && hostOthers.length ? { host_name: { value: host, others: hostOthers } } : {}),
    };
    result.set(item.index, {
      guest: query?.data,
      ...(query?.error ? { error: query.error } : {}),
      ...(clash.ip_address || clash.host_name ? { clash } : {}),
    });
  });
  return result;
}
