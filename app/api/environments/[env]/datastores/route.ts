import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { noQuery } from "@/lib/http/query-params";
import { listDatastores } from "@/lib/vcenter/inventory";
import { otherMethods } from "@/lib/http/method-not-allowed";

// GET /api/environments/{env}/datastores – datastores, with free space and capacity
export const GET = withOperator(async ({ req, vcenter }) => {
  noQuery(req);
  return NextResponse.json(await listDatastores(vcenter));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
