import "server-only";

import { z } from "zod";

import { queryInt } from "@/lib/http/query-number";
import { queryParams } from "@/lib/http/query-params";
import { datacenterIdSchema, folderIdSchema, hostIdSchema } from "@/lib/schemas/ids";
import { powerStateSchema } from "@/lib/schemas/inventory";

// The query strings of the inventory routes. Unknown keys are refused by queryParams; numbers
// are plain decimal digits only (queryInt: "0x10", "1e3", " 5" are refused, not misread).

const common = {
  q: z.string().max(80, { error: "Search at most 80 characters" }).optional(),
  refresh: z
    .enum(["0", "1"], { error: "Must be 1 (wait for a fresh read) or 0" })
    .optional()
    .transform((value) => value === "1"),
};

const vmQuerySchema = z.strictObject({
  ...common,
  power_state: z
    .enum(powerStateSchema.options, { error: "Must be POWERED_ON, POWERED_OFF or SUSPENDED" })
    .optional(),
  folder: z.optional(folderIdSchema),
  host: z.optional(hostIdSchema),
  limit: queryInt(1, 1000, 100),
});

const placementQuerySchema = z.strictObject({
  ...common,
  datacenter: z.optional(datacenterIdSchema),
  limit: queryInt(1, 5000, 1000),
});
const poolQuerySchema = placementQuerySchema.extend({ host: z.optional(hostIdSchema) });

/** ?q=&power_state=&folder=&host=&limit=&refresh= of GET …/vms (limit 100 unless given). */
export function vmSearchQuery(url: string) {
  const search = new URL(url).searchParams;
  return vmQuerySchema.parse(
    queryParams(search, ["q", "power_state", "folder", "host", "limit", "refresh"]),
  );
}

/** ?q=&datacenter=&limit=&refresh= of the placement lists (limit 1000 unless given). */
export function placementSearchQuery(url: string) {
  const search = new URL(url).searchParams;
  return placementQuerySchema.parse(queryParams(search, ["q", "datacenter", "limit", "refresh"]));
}

/** The same and ?host= (pools on that host) for the resource pools. */
export function poolSearchQuery(url: string) {
  const search = new URL(url).searchParams;
  return poolQuerySchema.parse(
    queryParams(search, ["q", "datacenter", "host", "limit", "refresh"]),
  );
}
