import { NextResponse } from "next/server";

import { cancelBatch } from "@/lib/batches/actions";
import { readBatch } from "@/lib/batches/read";
import { batchIdOf } from "@/lib/batches/route-params";
import { withOperator } from "@/lib/http/env-route";

// POST /api/environments/{env}/batches/{id}/cancel – queued clones are not sent; running ones finish
export const POST = withOperator(async ({ params, envId, operator }) => {
  const id = batchIdOf(params);
  await cancelBatch(envId, id, operator);
  return NextResponse.json(await readBatch(envId, id));
});
