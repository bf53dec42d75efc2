import { NextResponse } from "next/server";
import { z } from "zod";

import { followGuest } from "@/lib/clones/follow-guest";
import { withOperator } from "@/lib/http/env-route";
import { vmIdSchema } from "@/lib/schemas/ids";

// GET /api/environments/{env}/vms/{vm}/guest – VMware Tools, hostname, IP, NICs; ready or not yet
export const GET = withOperator(async ({ params, envId, vcenter }) => {
  const { vm } = z.object({ vm: vmIdSchema }).parse({ vm: params.vm });
  return NextResponse.json(await followGuest(vcenter, envId, vm));
});
