import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { listDatastores } from "@/lib/vcenter/inventory";

// GET /api/environments/{env}/datastores – datastores, with free space and capacity
export const GET = withOperator(async ({ vcenter }) =>
  NextResponse.json(await listDatastores(vcenter)),
);
