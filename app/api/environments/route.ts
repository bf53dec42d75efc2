import { NextResponse } from "next/server";

import { listEnvironments } from "@/lib/config/environments";
import { otherMethods } from "@/lib/http/method-not-allowed";

// GET /api/environments – the configured environments, never their credentials or CA files
export function GET() {
  return NextResponse.json(listEnvironments());
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
