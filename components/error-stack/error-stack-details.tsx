"use client";

import Link from "next/link";

import { type ApiError, toApiError } from "@/lib/api/api-error";
import { vcenterErrorDetails } from "@/lib/schemas/api-error";
import { Badge } from "@/components/ui/badge";
import { operationHref } from "@/components/environment/hrefs";
import { CopyButton } from "@/components/ui/copy-button";

import { type ErrorContext, ErrorGuidance } from "./error-guidance";
import { VcenterMessages } from "./vcenter-messages";

const originLabels = { vcenter: "vCenter", console: "Console", network: "Network" } as const;

export type ErrorStackProps = {
  error: unknown;
  /** What was being done, e.g. "Instant clone failed" or "The folder list failed". */
  title?: string;
  context?: ErrorContext;
  /** The environment of a recorded submission: its operation id then links to its page. */
  env?: string;
};

/**
 * Every error the console shows, in one shape: who refused (origin), the HTTP status, vCenter's
 * error_type, the top message as the headline, vCenter's messages in order, what to do, and the
 * whole envelope to copy.
 */
export function ErrorStackDetails({
  error: raw,
  title = "Something failed",
  context,
  env,
}: ErrorStackProps) {
  const error: ApiError = toApiError(raw);
  const { body } = error;
  const details = vcenterErrorDetails(body.vcenter);
  const fieldErrors = Object.entries(error.fieldErrors);

  return (
    <div
      role="alert"
      className="border-danger/60 bg-danger-soft space-y-3 rounded-lg border p-4 text-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="space-y-1">
          <p className="text-danger text-xs font-semibold tracking-wide uppercase">{title}</p>
          <p className="text-fg text-base font-semibold">{body.message}</p>
          <p className="flex flex-wrap items-center gap-1.5">
            <Badge tone="danger">origin: {originLabels[body.origin]}</Badge>
            <Badge tone="neutral">
              {body.status === 0 ? "no HTTP status" : `HTTP ${body.status}`}
            </Badge>
            {details.errorType && <Badge tone="warning">{details.errorType}</Badge>}
          </p>
        </div>
        <CopyButton label="Copy error" text={() => JSON.stringify({ error: body }, null, 2)} />
      </div>

      <VcenterMessages messages={details.messages} />

      {body.cause && (
        <p>
          <span className="font-medium">Cause: </span>
          <span className="font-mono break-all">{body.cause}</span>
        </p>
      )}

      {fieldErrors.length > 0 && (
        <ul aria-label="Problems per field" className="list-disc space-y-0.5 pl-5">
          {fieldErrors.map(([path, message]) => (
            <li key={path}>
              <code className="font-mono">{path}</code>: {message}
            </li>
          ))}
        </ul>
      )}

      <ErrorGuidance error={error} context={context} />

      {details.data !== undefined && (
        <details className="border-line bg-surface rounded-md border p-2">
          <summary className="cursor-pointer text-sm font-medium">vCenter data</summary>
          <pre className="mt-2 overflow-auto text-xs whitespace-pre-wrap">
            {JSON.stringify(details.data, null, 2)}
          </pre>
        </details>
      )}
      {body.stack && (
        <details className="border-line bg-surface rounded-md border p-2">
          <summary className="cursor-pointer text-sm font-medium">Server stack</summary>
          <pre className="mt-2 overflow-auto text-xs whitespace-pre-wrap">{body.stack}</pre>
        </details>
      )}
      {(body.request_id || body.operation) && (
        <p className="text-fg-muted text-xs">
          {body.operation &&
            (env ? (
              <>
                <Link className="text-accent underline" href={operationHref(env, body.operation)}>
                  Operation {body.operation}
                </Link>{" "}
                (kept in the history).{" "}
              </>
            ) : (
              <>Operation {body.operation}. </>
            ))}
          {body.request_id && <>Request {body.request_id}.</>}
        </p>
      )}
    </div>
  );
}
