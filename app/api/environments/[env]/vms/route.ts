import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { vmSearchQuery } from "@/lib/inventory/search-query";
import { searchVms } from "@/lib/inventory/vms";

// GET /api/environments/{env}/vms?q=&power_state=&folder=&host=&limit=&refresh= – VMs to clone
// from, searched in the console's cached inventory
export const GET = withOperator(async ({ req, operator, vcenter }) =>
  NextResponse.json(await searchVms(vcenter, operator.user, vmSearchQuery(req.url))),
);
