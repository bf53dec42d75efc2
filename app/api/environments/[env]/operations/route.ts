import { NextResponse } from "next/server";
import { z } from "zod";

import { withOperator } from "@/lib/http/env-route";
import { queryParams } from "@/lib/http/query-params";
import { resumeSettling } from "@/lib/clones/settle-worker";
import { history } from "@/lib/history/store";
import { operationStates } from "@/lib/schemas/operation";

const listQuerySchema = z.strictObject({
  outcome: z
    .enum(operationStates, { error: `Must be one of ${operationStates.join(", ")}` })
    .optional(),
  limit: z.coerce.number({ error: "Must be a number" }).int().min(1).max(200).default(50),
  offset: z.coerce.number({ error: "Must be a number" }).int().min(0).default(0),
});

// GET /api/environments/{env}/operations?outcome=&limit=&offset= – the history, newest first
export const GET = withOperator(async ({ req, envId, operator }) => {
  const query = listQuerySchema.parse(
    queryParams(new URL(req.url).searchParams, ["outcome", "limit", "offset"]),
  );
  // Never waits on vCenter: open outcomes are settled in the background.
  void resumeSettling(envId, operator);
  return NextResponse.json(
    history().list(envId, { state: query.outcome, limit: query.limit, offset: query.offset }),
  );
});
