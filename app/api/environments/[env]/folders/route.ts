import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { noQuery } from "@/lib/http/query-params";
import { listFolders } from "@/lib/vcenter/inventory";
import { otherMethods } from "@/lib/http/method-not-allowed";

// GET /api/environments/{env}/folders – VM folders
export const GET = withOperator(async ({ req, vcenter }) => {
  noQuery(req);
  return NextResponse.json(await listFolders(vcenter));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
