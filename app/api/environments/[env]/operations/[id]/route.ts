import { NextResponse } from "next/server";
import { z } from "zod";

import { withAfterlife } from "@/lib/clones/annotate";
import { settleUnknownDeletions } from "@/lib/clones/delete-clone";
import { ConsoleError } from "@/lib/http/console-error";
import { withOperator } from "@/lib/http/env-route";
import { resumeSettling } from "@/lib/clones/settle-worker";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noQuery } from "@/lib/http/query-params";
import { history } from "@/lib/history/store";
import { assertSessionHonoured } from "@/lib/session/live-session";

const idSchema = z.uuid({ error: "Must be an operation id" });

// GET /api/environments/{env}/operations/{id} – one submission: the spec, and its result or error
export const GET = withOperator(async ({ req, params, envId, operator, vcenter }) => {
  noQuery(req);
  const { id } = z.object({ id: idSchema }).parse({ id: params.id });
  await assertSessionHonoured(envId, vcenter);
  // Never waits on vCenter for outcomes: open clones and deletions are settled in the background.
  void resumeSettling(envId, operator);
  void settleUnknownDeletions(vcenter, envId, operator.user).catch(() => undefined);
  const operation = await history().get(envId, id);
  if (!operation)
    throw new ConsoleError(404, "There is no such operation in this environment's history");
  return NextResponse.json(await withAfterlife(operation));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
