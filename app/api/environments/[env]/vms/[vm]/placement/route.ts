import { NextResponse } from "next/server";
import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noQuery } from "@/lib/http/query-params";
import { readVmPlacement } from "@/lib/inventory/vm-placement";
import { vmIdSchema } from "@/lib/schemas/ids";

const paramsSchema = z.object({ vm: vmIdSchema });

// GET /api/environments/{env}/vms/{vm}/placement – the VM's datacenter, host, folder, pool, datastore
export const GET = withOperator(async ({ req, params, operator, vcenter }) => {
  noQuery(req);
  const { vm } = paramsSchema.parse({ vm: params.vm });
  return NextResponse.json(await readVmPlacement(vcenter, operator.user, vm));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
