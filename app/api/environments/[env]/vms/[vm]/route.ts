import { NextResponse } from "next/server";
import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { vmIdSchema } from "@/lib/schemas/ids";
import { getVm } from "@/lib/vcenter/vm";

// GET /api/environments/{env}/vms/{vm} – one VM with its NICs and serial and parallel ports
export const GET = withOperator(async ({ params, vcenter }) => {
  const { vm } = z.object({ vm: vmIdSchema }).parse({ vm: params.vm });
  return NextResponse.json(await getVm(vcenter, vm));
});
