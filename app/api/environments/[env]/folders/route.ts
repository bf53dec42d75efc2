import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { listFolders } from "@/lib/vcenter/inventory";

// GET /api/environments/{env}/folders – VM folders
export const GET = withOperator(async ({ vcenter }) =>
  NextResponse.json(await listFolders(vcenter)),
);
