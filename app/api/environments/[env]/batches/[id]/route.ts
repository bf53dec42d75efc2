import { NextResponse } from "next/server";

import { batchCsv, readBatch } from "@/lib/batches/read";
import { batchIdOf, noSuchBatch } from "@/lib/batches/route-params";
import { withOperator } from "@/lib/http/env-route";

// GET /api/environments/{env}/batches/{id}[?format=csv] – a batch: state, counts, one row per clone
export const GET = withOperator(async ({ req, params, envId }) => {
  const id = batchIdOf(params);
  const batch = await readBatch(envId, id);
  if (!batch) throw noSuchBatch(id);
  if (new URL(req.url).searchParams.get("format") === "csv")
    return new NextResponse(batchCsv(batch), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="batch-${id}.csv"`,
      },
    });
  return NextResponse.json(batch);
});
