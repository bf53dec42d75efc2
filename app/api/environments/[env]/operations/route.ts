import { NextResponse } from "next/server";
import { z } from "zod";

import { withAfterlives } from "@/lib/clones/annotate";
import { settleUnknownDeletions } from "@/lib/clones/delete-clone";
import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { queryInt } from "@/lib/http/query-number";
import { queryParams } from "@/lib/http/query-params";
import { resumeSettling } from "@/lib/clones/settle-worker";
import { history } from "@/lib/history/store";
import { operationStates } from "@/lib/schemas/operation";
import { assertSessionHonoured } from "@/lib/session/live-session";

const listQuerySchema = z.strictObject({
  outcome: z
    .enum(operationStates, { error: `Must be one of ${operationStates.join(", ")}` })
    .optional(),
  limit: queryInt(1, 200, 50),
  offset: queryInt(0, 1_000_000_000, 0),
});

// GET /api/environments/{env}/operations?outcome=&limit=&offset= – the history, newest first
export const GET = withOperator(async ({ req, envId, operator, vcenter }) => {
  const query = listQuerySchema.parse(
    queryParams(new URL(req.url).searchParams, ["outcome", "limit", "offset"]),
  );
  await assertSessionHonoured(envId, vcenter);
  // Never waits on vCenter for outcomes: open clones and deletions are settled in the background.
  void resumeSettling(envId, operator);
  void settleUnknownDeletions(vcenter, envId, operator.user).catch(() => undefined);
  const page = await history().list(envId, {
    state: query.outcome,
    limit: query.limit,
    offset: query.offset,
  });
  return NextResponse.json({ ...page, items: await withAfterlives(page.items) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
