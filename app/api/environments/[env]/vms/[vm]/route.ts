import { NextResponse } from "next/server";
import { z } from "zod";

import { deleteClone } from "@/lib/clones/delete-clone";
import { deletionResponse } from "@/lib/clones/deletion-response";
import { withOperator } from "@/lib/http/env-route";
import { readVm } from "@/lib/inventory/vm-detail";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noQuery } from "@/lib/http/query-params";
import { vmIdSchema } from "@/lib/schemas/ids";
import { trackWork } from "@/lib/service/in-flight";

const paramsSchema = z.object({ vm: vmIdSchema });

// GET /api/environments/{env}/vms/{vm} – one VM with its NICs and serial and parallel ports
export const GET = withOperator(async ({ req, params, envId, operator, vcenter }) => {
  noQuery(req);
  const { vm } = paramsSchema.parse({ vm: params.vm });
  return NextResponse.json(await readVm(vcenter, envId, operator.user, vm));
});

// DELETE /api/environments/{env}/vms/{vm} – power off and delete a clone this console made
export const DELETE = withOperator(async ({ req, params, envId, operator, vcenter }) => {
  noQuery(req);
  const { vm } = paramsSchema.parse({ vm: params.vm });
  // Refused with 503 once the console is stopping; otherwise the stop waits for it.
  const deletion = await trackWork("delete", () =>
    deleteClone(vcenter, { env: envId, user: operator.user, vm }),
  );
  return deletionResponse(deletion);
});

export const { POST, PUT, PATCH } = otherMethods("GET", "DELETE");
