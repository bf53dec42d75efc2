import { NextResponse } from "next/server";
import { z } from "zod";

import { ConsoleError } from "@/lib/http/console-error";
import { withOperator } from "@/lib/http/env-route";
import { resumeSettling } from "@/lib/clones/settle-worker";
import { history } from "@/lib/history/store";

const idSchema = z.uuid({ error: "Must be an operation id" });

// GET /api/environments/{env}/operations/{id} – one submission: the spec, and its result or error
export const GET = withOperator(async ({ params, envId, operator }) => {
  const { id } = z.object({ id: idSchema }).parse({ id: params.id });
  // Never waits on vCenter: open outcomes are settled in the background.
  void resumeSettling(envId, operator);
  const operation = history().get(envId, id);
  if (!operation)
    throw new ConsoleError(404, "There is no such operation in this environment's history");
  return NextResponse.json(operation);
});
