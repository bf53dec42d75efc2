import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { otherMethods } from "@/lib/http/method-not-allowed";
import { vmSearchQuery } from "@/lib/inventory/search-query";
import { searchVms } from "@/lib/inventory/vms";

// GET /api/environments/{env}/vms?q=&power_state=&folder=&host=&limit=&refresh= – VMs to clone
// from, searched in the console's cached inventory
export const GET = withOperator(async ({ req, operator, vcenter }) =>
  NextResponse.json(await searchVms(vcenter, operator.user, vmSearchQuery(req.url))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
