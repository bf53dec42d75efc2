"use client";

import { ApiError } from "@/lib/api/api-error";
import type { Deletion } from "@/lib/schemas/deletion";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { formatWhen } from "@/components/history/format-time";
import { Alert } from "@/components/ui/alert";

/** A recorded deletion: done (by whom, when), under way, not known yet, or refused. */
export function DeletionOutcome({ deletion, name }: { deletion: Deletion; name: string }) {
  const when = formatWhen(deletion.ended_at ?? deletion.started_at);
  if (deletion.state === "succeeded")
    return (
      <Alert tone="success" role="status" title={`Deleted ${name} (${deletion.vm})`}>
        By {deletion.user}, {when}
        {deletion.already_gone && " — it was already gone from vCenter"}
        {deletion.settled_by && " — confirmed by looking it up after vCenter's answer was lost"}.
      </Alert>
    );
  if (deletion.state === "pending")
    return (
      <Alert tone="info" role="status" title={`Deleting ${name}`}>
        Asked by {deletion.user}, {when}; waiting for vCenter.
      </Alert>
    );
  if (deletion.state === "unknown")
    return (
      <Alert tone="warning" role="status" title={`Whether ${name} was deleted is not known yet`}>
        vCenter&apos;s answer was lost. The console never sends the deletion again by itself: it
        looks {deletion.vm} up and shows the outcome here.
      </Alert>
    );
  return deletion.error ? (
    <ErrorStack
      error={new ApiError(deletion.error)}
      title={`${name} was not deleted (asked by ${deletion.user}, ${when})`}
    />
  ) : null;
}
