import "server-only";

import { NextResponse } from "next/server";

import { withLogHint } from "@/lib/http/error-response";
import type { Operation } from "@/lib/schemas/operation";

/**
 * The HTTP answer for a recorded operation: the same for the first request and every replay.
 * A 5xx answer names the request whose log lines tell the story.
 */
export function outcomeResponse(operation: Operation, requestId?: string): NextResponse {
  const { spec } = operation;
  if (operation.state === "succeeded")
    return NextResponse.json(
      {
        vm: operation.vm,
        name: spec.name,
        operation: operation.id,
        ...(operation.settled_by ? { settled_by: operation.settled_by } : {}),
      },
      { status: 201 },
    );
  const error = operation.error ?? {
    origin: "console" as const,
    status: 409,
    message: "This submission is still under way; its outcome will show in the history",
  };
  const message = plainMessage(operation, error.message);
  return NextResponse.json(
    {
      error: {
        ...error,
        operation: operation.id,
        message: requestId && error.status >= 500 ? withLogHint(message, requestId) : message,
        ...(requestId ? { request_id: requestId } : {}),
      },
    },
    { status: error.status },
  );
}

function plainMessage(operation: Operation, message: string): string {
  const name = operation.spec.name;
  if (operation.state === "unknown")
    return `${message}. The request may have reached vCenter, so whether "${name}" was made is not known yet: the console never sends it again, and keeps looking for a new VM of that name in the background until it knows; the history shows the outcome.`;
  if (operation.settled_by)
    return `${message}. The console looked for a new VM named "${name}" in vCenter until vCenter could no longer be making it, and found none: the clone was not made.`;
  return message;
}
