"use client";

import Link from "next/link";

import { ApiError } from "@/lib/api/api-error";
import { useOperation } from "@/lib/api/use-operations";
import { specToQuery } from "@/lib/schemas/spec-query";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Spinner } from "@/components/ui/spinner";

import { formatDuration, formatWhen, OutcomeBadge } from "./outcome-badge";

/** One submission in full: what was sent, by whom, and what came of it. */
export function OperationDetail({ env, id }: { env: string; id: string }) {
  const operation = useOperation(env, id);
  const base = `/e/${encodeURIComponent(env)}`;
  if (operation.isPending)
    return (
      <p role="status" className="text-fg-muted flex items-center gap-2 text-sm">
        <Spinner /> Loading the operation…
      </p>
    );
  if (operation.isError)
    return <ErrorStack error={operation.error} title="The operation could not be read" />;
  const op = operation.data;
  const specJson = JSON.stringify(op.spec, null, 2);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          Instant clone of <span className="font-mono">{op.spec.name}</span>
        </h1>
        <Link className="text-accent text-sm underline" href={`${base}?${specToQuery(op.spec)}`}>
          Clone again with these values
        </Link>
      </div>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-fg-muted">Outcome</dt>
        <dd>
          <OutcomeBadge operation={op} />
        </dd>
        <dt className="text-fg-muted">By</dt>
        <dd>{op.user}</dd>
        <dt className="text-fg-muted">Started</dt>
        <dd>{formatWhen(op.started_at)}</dd>
        <dt className="text-fg-muted">Duration</dt>
        <dd>{formatDuration(op.duration_ms)}</dd>
        {op.vm && (
          <>
            <dt className="text-fg-muted">New VM</dt>
            <dd className="font-mono">{op.vm}</dd>
          </>
        )}
      </dl>
      {op.state === "unknown" && (
        <Alert tone="warning" title="Whether vCenter made this clone is not known yet">
          No answer came back from vCenter after the request was sent. The console never sends it
          again by itself; it looks the name up in vCenter and shows the outcome here as soon as it
          knows.
        </Alert>
      )}
      {op.settled_by && (
        <Alert tone="info" title="Settled by looking the name up">
          vCenter&apos;s answer was lost, so the console looked &ldquo;{op.spec.name}&rdquo; up in
          vCenter:{" "}
          {op.state === "succeeded"
            ? "the clone exists."
            : "no such VM, so the clone was not made."}
        </Alert>
      )}
      {op.error && op.state !== "succeeded" && (
        <ErrorStack
          error={new ApiError(op.error)}
          title="What vCenter or the console answered"
          context={{ request: op.spec }}
        />
      )}
      <Card title="The request as sent" actions={<CopyButton text={specJson} label="Copy JSON" />}>
        <pre className="bg-surface-muted overflow-x-auto rounded p-3 text-xs">{specJson}</pre>
      </Card>
    </div>
  );
}
