import { NextResponse } from "next/server";
import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { queryParams } from "@/lib/http/query-params";
import { queryInt } from "@/lib/http/query-number";
import { folderIdSchema } from "@/lib/schemas/ids";
import { powerStateSchema } from "@/lib/schemas/inventory";
import { withFrozenFlags } from "@/lib/vcenter/frozen-flags";
import { listVms } from "@/lib/vcenter/inventory";
import { otherMethods } from "@/lib/http/method-not-allowed";

const vmQuerySchema = z.strictObject({
  q: z.string().max(80, { error: "Search at most 80 characters" }).optional(),
  power_state: z
    .enum(powerStateSchema.options, { error: "Must be POWERED_ON, POWERED_OFF or SUSPENDED" })
    .optional(),
  folder: z.optional(folderIdSchema),
  limit: queryInt(1, 1000, 100),
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

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
