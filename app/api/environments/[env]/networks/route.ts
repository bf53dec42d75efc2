import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { listNetworks } from "@/lib/vcenter/inventory";

// GET /api/environments/{env}/networks – networks, with their types
export const GET = withOperator(async ({ vcenter }) =>
  NextResponse.json(await listNetworks(vcenter)),
);
