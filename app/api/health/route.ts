import { NextResponse } from "next/server";
import { otherMethods } from "@/lib/http/method-not-allowed";

// GET /api/health – the console is up
export function GET() {
  return NextResponse.json({ status: "ok" });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
