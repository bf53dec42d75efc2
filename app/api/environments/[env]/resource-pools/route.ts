import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { searchPlacement } from "@/lib/inventory/placement";
import { poolSearchQuery } from "@/lib/inventory/search-query";

// GET /api/environments/{env}/resource-pools?q=&datacenter=&host=&limit=&refresh= – pools (on a host), by name
export const GET = withOperator(async ({ req, operator, vcenter }) =>
  NextResponse.json(
    await searchPlacement(vcenter, operator.user, "resource-pools", poolSearchQuery(req.url)),
  ),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
