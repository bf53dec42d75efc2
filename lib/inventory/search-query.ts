import "server-only";

import { z } from "zod";

import { queryParams } from "@/lib/http/query-params";
import { folderIdSchema, hostIdSchema } from "@/lib/schemas/ids";
import { powerStateSchema } from "@/lib/schemas/inventory";

// The query strings of the inventory routes. Unknown keys are refused by queryParams; numbers
// are plain decimal digits only ("0x10", "1e3", " 5" are refused, not read as something else).

const limit = (max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, { error: `Must be a whole number from 1 to ${max}, in digits` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: "Must be at least 1" })
        .max(max, { error: `Must be at most ${max}` }),
    )
    .optional();

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
  limit: limit(1000),
});

const placementQuerySchema = z.strictObject({ ...common, limit: limit(5000) });

/** ?q=&power_state=&folder=&host=&limit=&refresh= of GET …/vms (limit 100 unless given). */
export function vmSearchQuery(url: string) {
  const search = new URL(url).searchParams;
  const parsed = vmQuerySchema.parse(
    queryParams(search, ["q", "power_state", "folder", "host", "limit", "refresh"]),
  );
  return { ...parsed, limit: parsed.limit ?? 100 };
}

/** ?q=&limit=&refresh= of the placement lists (limit 1000 unless given). */
export function placementSearchQuery(url: string) {
  const search = new URL(url).searchParams;
  const parsed = placementQuerySchema.parse(queryParams(search, ["q", "limit", "refresh"]));
  return { ...parsed, limit: parsed.limit ?? 1000 };
}
