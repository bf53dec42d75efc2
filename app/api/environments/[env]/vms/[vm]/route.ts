import { NextResponse } from "next/server";
import { z } from "zod";

import { deleteClone } from "@/lib/clones/delete-clone";
import { deletionResponse } from "@/lib/clones/deletion-response";
import { withOperator } from "@/lib/http/env-route";
import { vmIdSchema } from "@/lib/schemas/ids";
import { getVm } from "@/lib/vcenter/vm";

const paramsSchema = z.object({ vm: vmIdSchema });

// GET /api/environments/{env}/vms/{vm} – one VM with its NICs and serial and parallel ports
export const GET = withOperator(async ({ params, vcenter }) => {
  const { vm } = paramsSchema.parse({ vm: params.vm });
  return NextResponse.json(await getVm(vcenter, vm));
});

// DELETE /api/environments/{env}/vms/{vm} – power off and delete a clone this console made
export const DELETE = withOperator(async ({ params, envId, operator, vcenter }) => {
  const { vm } = paramsSchema.parse({ vm: params.vm });
  return deletionResponse(await deleteClone(vcenter, { env: envId, user: operator.user, vm }));
});
