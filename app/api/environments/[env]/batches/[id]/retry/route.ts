import { NextResponse } from "next/server";

import { retryBatch } from "@/lib/batches/actions";
import { readBatch } from "@/lib/batches/read";
import { batchIdOf } from "@/lib/batches/route-params";
import { withOperator } from "@/lib/http/env-route";

// POST /api/environments/{env}/batches/{id}/retry – settle unknown clones, send failed ones again
export const POST = withOperator(async ({ params, envId, operator, vcenter }) => {
  const id = batchIdOf(params);
  await retryBatch(vcenter, envId, id, operator);
  return NextResponse.json(await readBatch(envId, id), { status: 202 });
});
