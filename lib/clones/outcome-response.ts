import "server-only";

import { NextResponse } from "next/server";

import type { Operation } from "@/lib/schemas/operation";

/** The HTTP answer for a recorded operation: the same for the first request and every replay. */
export function outcomeResponse(operation: Operation): NextResponse {
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
  return NextResponse.json(
    {
      error: { ...error, operation: operation.id, message: plainMessage(operation, error.message) },
    },
    { status: error.status },
  );
}

function plainMessage(operation: Operation, message: string): string {
  if (operation.state === "unknown")
    return `${message}. The request may have reached vCenter, so whether "${operation.spec.name}" was created is not known yet; the console will look it up and never resend it.`;
  if (operation.settled_by)
    return `${message}. The console looked "${operation.spec.name}" up in vCenter and did not find it: the clone was not made.`;
  return message;
}
