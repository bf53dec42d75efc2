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

export function errorResponse(err: unknown, extra?: Partial<ApiErrorBody>): NextResponse {
  const body = { ...errorBody(err), ...extra };
  const headers: Record<string, string> = {};
  if (body.status === 401 && body.origin === "console")
    headers["www-authenticate"] = 'Session realm="console"';
  // A 429 says when to come back (lib/login-throttle's TooManyLogins).
  const retryAfter = (err as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  if (body.status === 429 && typeof retryAfter === "number")
    headers["retry-after"] = String(retryAfter);
  headers["cache-control"] = "no-store";
  return NextResponse.json({ error: body }, { status: body.status, headers });
}
