import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { searchPlacement } from "@/lib/inventory/placement";
import { placementSearchQuery } from "@/lib/inventory/search-query";

// GET /api/environments/{env}/networks?q=&datacenter=&limit=&refresh= – networks, searched by name
export const GET = withOperator(async ({ req, operator, vcenter }) =>
  NextResponse.json(
    await searchPlacement(vcenter, operator.user, "networks", placementSearchQuery(req.url)),
  ),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
