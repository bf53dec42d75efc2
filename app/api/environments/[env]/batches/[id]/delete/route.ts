import { NextResponse } from "next/server";

import { deleteBatch } from "@/lib/batches/delete-batch";
import { readBatch } from "@/lib/batches/read";
import { batchIdOf } from "@/lib/batches/route-params";
import { withOperator } from "@/lib/http/env-route";
import { noQuery } from "@/lib/http/query-params";

// POST /api/environments/{env}/batches/{id}/delete – power off and delete every clone the batch
// made, each an operation in the history; 202 with the batch, whose rows then show the progress
export const POST = withOperator(async ({ req, params, envId, operator, vcenter }) => {
  noQuery(req);
  const id = batchIdOf(params);
  await deleteBatch(vcenter, envId, id, operator);
  return NextResponse.json(await readBatch(envId, id), { status: 202 });
});
