import { NextResponse } from "next/server";

import { cancelBatchDeletion } from "@/lib/batches/delete-batch";
import { readBatch } from "@/lib/batches/read";
import { batchIdOf, noSuchBatch } from "@/lib/batches/route-params";
import { withOperator } from "@/lib/http/env-route";
import { noQuery } from "@/lib/http/query-params";

// POST /api/environments/{env}/batches/{id}/delete/cancel – deletions already sent finish; the rest are not sent
export const POST = withOperator(async ({ req, params, envId }) => {
  noQuery(req);
  const id = batchIdOf(params);
  const batch = await readBatch(envId, id);
  if (!batch) throw noSuchBatch(id);
  cancelBatchDeletion(id);
  return NextResponse.json(await readBatch(envId, id));
});
