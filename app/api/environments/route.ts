import { NextResponse } from "next/server";

import { listEnvironments } from "@/lib/config/environments";

// GET /api/environments – the configured environments, never their credentials or CA files
export function GET() {
  return NextResponse.json(listEnvironments());
}
