import { NextResponse } from "next/server";

import { ConsoleError } from "@/lib/http/console-error";
import { errorResponse } from "@/lib/http/error-response";
import { readiness } from "@/lib/service/readiness";

// Answered on every request, never from a cache: the state changes at start and on SIGTERM.
export const dynamic = "force-dynamic";

// GET /api/ready – 200 when the database answers and environments are loaded; 503 while starting or stopping
export async function GET() {
  const state = await readiness();
  const response = state.ready
    ? NextResponse.json({ status: "ready" })
    : errorResponse(new ConsoleError(503, state.reason));
  response.headers.set("cache-control", "no-store");
  return response;
}
