import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { searchPlacement } from "@/lib/inventory/placement";
import { placementSearchQuery } from "@/lib/inventory/search-query";

// GET /api/environments/{env}/datastores?q=&datacenter=&limit=&refresh= – datastores, with free space and capacity, searched by name
export const GET = withOperator(async ({ req, operator, vcenter }) =>
  NextResponse.json(
    await searchPlacement(vcenter, operator.user, "datastores", placementSearchQuery(req.url)),
  ),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
