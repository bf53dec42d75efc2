import { NextResponse } from "next/server";
import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { noQuery } from "@/lib/http/query-params";
import { vmIdSchema } from "@/lib/schemas/ids";
import { getVm } from "@/lib/vcenter/vm";
import { otherMethods } from "@/lib/http/method-not-allowed";

// GET /api/environments/{env}/vms/{vm} – one VM with its NICs and serial and parallel ports
export const GET = withOperator(async ({ req, params, vcenter }) => {
  noQuery(req);
  const { vm } = z.object({ vm: vmIdSchema }).parse({ vm: params.vm });
  return NextResponse.json(await getVm(vcenter, vm));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
