"use client";

import { useState } from "react";

import { useBatchDeletion } from "@/lib/api/use-batches";
import type { BatchView } from "@/lib/schemas/batch-status";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Button } from "@/components/ui/button";
import { TypedConfirmation } from "@/components/ui/typed-confirmation";

/**
 * "Delete all clones": asks for the batch's name pattern (or the count, for a list of names)
 * typed out, then shows each clone's deletion in its row and the tally here; Cancel stops the
 * deletions not yet sent.
 */
export function BatchDelete({ env, batch }: { env: string; batch: BatchView }) {
  const [confirming, setConfirming] = useState(false);
  const mutation = useBatchDeletion(env, batch.id);
  const run = batch.deletion;
  const made = batch.items.filter((item) => item.state === "succeeded" && item.vm);
  const tally = (state: string) => made.filter((item) => item.deletion?.state === state).length;
  const deleted = tally("succeeded");
  const notDeleted = tally("failed") + tally("refused");
  const open = batch.counts.pending + batch.counts.running > 0;
  const left = made.length - deleted;
  if (!run || made.length === 0) return null;
  const expected = run.pattern ?? String(left);

  return (
    <section aria-label="Delete the batch's clones" className="space-y-3">
      {mutation.isError && (
        <ErrorStack
          error={mutation.error}
          title="The batch's clones could not be deleted"
          env={env}
        />
      )}
      {(run.running || deleted + notDeleted > 0) && (
        <p role="status" className="text-sm" data-batch-deletion>
          {run.running ? "Deleting the batch's clones: " : "Deletion of the batch's clones: "}
          {deleted} of {made.length} deleted
          {notDeleted > 0 && `, ${notDeleted} not deleted`}
          {run.cancelled && !run.running && " · cancelled"}
        </p>
      )}
      {run.running ? (
        <Button
          variant="danger"
          onClick={() => mutation.mutate("cancel")}
          disabled={mutation.isPending || run.cancelled}
        >
          {run.cancelled ? "Cancelling…" : "Cancel the deletion"}
        </Button>
      ) : !open && left > 0 && !confirming ? (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete all {left} clones
        </Button>
      ) : null}
      {confirming && !run.running && (
        <TypedConfirmation
          title={`Power off and delete the ${left} clones of this batch?`}
          expected={expected}
          confirmLabel={`Delete ${left}`}
          pending={mutation.isPending}
          onConfirm={() => mutation.mutate("delete", { onSuccess: () => setConfirming(false) })}
          onKeep={() => setConfirming(false)}
        >
          <p>vCenter deletes each with its disks; this cannot be undone.</p>
        </TypedConfirmation>
      )}
    </section>
  );
}
