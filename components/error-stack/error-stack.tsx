"use client";

import { lazy, Suspense } from "react";

import { toApiError } from "@/lib/api/api-error";

import type { ErrorStackProps } from "./error-stack-details";

// Most page loads show no error, so the full stack (messages, guidance, privileges, copy) is
// its own chunk, fetched the first time an error appears. Until it arrives, and for good if it
// cannot be fetched (the console is down), the headline alone says what failed.
const ErrorStackDetails = lazy(() =>
  import("./error-stack-details")
    .then((module) => ({ default: module.ErrorStackDetails }))
    .catch(() => ({ default: ErrorHeadline })),
);

/**
 * Every error the console shows, in one shape: who refused (origin), the HTTP status, vCenter's
 * error_type, the top message as the headline, vCenter's messages in order, what to do, and the
 * whole envelope to copy.
 */
export function ErrorStack(props: ErrorStackProps) {
  return (
    <Suspense fallback={<ErrorHeadline {...props} loading />}>
      <ErrorStackDetails {...props} />
    </Suspense>
  );
}

function ErrorHeadline({
  error,
  title = "Something failed",
  loading = false,
}: ErrorStackProps & { loading?: boolean }) {
  const { body } = toApiError(error);
  return (
    <div
      role={loading ? undefined : "alert"}
      aria-busy={loading || undefined}
      className="border-danger/60 bg-danger-soft space-y-1 rounded-lg border p-4 text-sm"
    >
      <p className="text-danger text-xs font-semibold tracking-wide uppercase">{title}</p>
      <p className="text-fg text-base font-semibold">{body.message}</p>
      <p className="text-fg-muted text-xs">
        {body.status === 0 ? "No HTTP status" : `HTTP ${body.status}`}, origin {body.origin}
      </p>
    </div>
  );
}
