import { NextResponse } from "next/server";

// GET /api/health – the console is up
export function GET() {
  return NextResponse.json({ status: "ok" });
}
