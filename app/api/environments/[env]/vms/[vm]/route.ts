import { NextResponse } from "next/server";
import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { readVm } from "@/lib/inventory/vm-detail";
import { vmIdSchema } from "@/lib/schemas/ids";

// GET /api/environments/{env}/vms/{vm} – one VM with its NICs and serial and parallel ports
export const GET = withOperator(async ({ params, envId, operator, vcenter }) => {
  const { vm } = z.object({ vm: vmIdSchema }).parse({ vm: params.vm });
  return NextResponse.json(await readVm(vcenter, envId, operator.user, vm));
});
