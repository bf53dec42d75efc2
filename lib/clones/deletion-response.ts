import "server-only";

import { NextResponse } from "next/server";

import type { Deletion } from "@/lib/schemas/deletion";

/** The HTTP answer for a recorded deletion: 200 done, 202 still under way, else its error. */
export function deletionResponse(deletion: Deletion): NextResponse {
  if (deletion.state === "succeeded") return NextResponse.json(deletion, { status: 200 });
  if (deletion.state === "pending") return NextResponse.json(deletion, { status: 202 });
  const error = deletion.error ?? {
    origin: "console" as const,
    status: 500,
    message: `The deletion of ${deletion.vm} failed`,
  };
  const message =
    deletion.state === "unknown"
      ? `${error.message}. The request may have reached vCenter, so whether ${deletion.vm} is deleted is not known yet; the console will look it up and never resend it.`
      : error.message;
  return NextResponse.json(
    { error: { ...error, message, operation: deletion.id } },
    { status: error.status },
  );
}
