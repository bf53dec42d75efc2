import { NextResponse } from "next/server";
import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { queryParams } from "@/lib/http/query-params";
import { folderIdSchema } from "@/lib/schemas/ids";
import { powerStateSchema } from "@/lib/schemas/inventory";
import { withFrozenFlags } from "@/lib/vcenter/frozen-flags";
import { listVms } from "@/lib/vcenter/inventory";

const vmQuerySchema = z.strictObject({
  q: z.string().max(80, { error: "Search at most 80 characters" }).optional(),
  power_state: z
    .enum(powerStateSchema.options, { error: "Must be POWERED_ON, POWERED_OFF or SUSPENDED" })
    .optional(),
  folder: z.optional(folderIdSchema),
  limit: z.coerce.number({ error: "Must be a number" }).int().min(1).max(1000).default(100),
});

// GET /api/environments/{env}/vms?q=&power_state=&folder=&limit= – VMs to clone from
export const GET = withOperator(async ({ req, vcenter }) => {
  const filter = vmQuerySchema.parse(
    queryParams(new URL(req.url).searchParams, ["q", "power_state", "folder", "limit"]),
  );
  const list = await listVms(vcenter, {
    q: filter.q,
    powerState: filter.power_state,
    folder: filter.folder,
    limit: filter.limit,
  });
  return NextResponse.json(await withFrozenFlags(vcenter, list));
});
