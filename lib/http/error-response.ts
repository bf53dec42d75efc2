import "server-only";

import { NextResponse } from "next/server";
import { $ZodError } from "zod/v4/core";

import type { ApiErrorBody } from "@/lib/schemas/api-error";
import { NetworkError, VcenterError } from "@/lib/vcenter/errors";

import "./zod-messages";

import { ConsoleError } from "./console-error";
import { fieldErrors, summarizeFieldErrors } from "./field-errors";

const exposeDetails = () =>
  (process.env.EXPOSE_ERROR_DETAILS ?? (process.env.NODE_ENV === "development" ? "1" : "0")) ===
  "1";

/** The only place that decides an error's status and envelope (DESIGN.md "The error envelope"). */
export function errorBody(err: unknown): ApiErrorBody {
  if (err instanceof $ZodError) {
    const errors = fieldErrors(err);
    return {
      origin: "console",
      status: 400,
      message: summarizeFieldErrors(errors),
      field_errors: errors,
    };
  }
  if (err instanceof ConsoleError)
    return {
      origin: "console",
      status: err.status,
      message: err.message,
      ...(err.fieldErrors ? { field_errors: err.fieldErrors } : {}),
    };
  if (err instanceof VcenterError)
    return { origin: "vcenter", status: err.status, message: err.message, vcenter: err.body };
  if (err instanceof NetworkError)
    return { origin: "network", status: err.status, message: err.message, cause: err.causeCode };
  return {
    origin: "console",
    status: 500,
    message: "The console failed unexpectedly; the details are in its log",
    ...(exposeDetails() && err instanceof Error && err.stack ? { stack: err.stack } : {}),
  };
}

/** A 5xx message that says which log lines to look for. */
export const withLogHint = (message: string, requestId: string) =>
  `${message}${message.endsWith(".") ? "" : "."} Look for request_id ${requestId} in the console's log.`;

export function errorResponse(err: unknown, extra?: Partial<ApiErrorBody>): NextResponse {
  const body = { ...errorBody(err), ...extra };
  // Every 5xx says where its story is: the log lines carrying this request's id.
  if (body.status >= 500 && body.request_id)
    body.message = withLogHint(body.message, body.request_id);
  const headers: Record<string, string> = {};
  if (body.status === 401 && body.origin === "console")
    headers["www-authenticate"] = 'Session realm="console"';
  return NextResponse.json({ error: body }, { status: body.status, headers });
}
