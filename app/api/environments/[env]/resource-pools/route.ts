import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { listResourcePools } from "@/lib/vcenter/inventory";

// GET /api/environments/{env}/resource-pools – resource pools
export const GET = withOperator(async ({ vcenter }) =>
  NextResponse.json(await listResourcePools(vcenter)),
);
