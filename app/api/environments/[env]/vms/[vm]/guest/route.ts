import { NextResponse } from "next/server";
import { z } from "zod";

import { followGuest } from "@/lib/clones/follow-guest";
import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { noQuery } from "@/lib/http/query-params";
import { vmIdSchema } from "@/lib/schemas/ids";

// GET /api/environments/{env}/vms/{vm}/guest – VMware Tools, hostname, IP, NICs; ready or not yet
export const GET = withOperator(async ({ req, params, envId, runtime, vcenter }) => {
  noQuery(req);
  const { vm } = z.object({ vm: vmIdSchema }).parse({ vm: params.vm });
  const limit = runtime.config.readyTimeoutSeconds;
  return NextResponse.json(await followGuest(vcenter, envId, vm, limit));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
