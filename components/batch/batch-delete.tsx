"use client";

import { useState } from "react";

import { useBatchDeletion } from "@/lib/api/use-batches";
import type { BatchView } from "@/lib/schemas/batch-status";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * "Delete all clones": asks for the batch's name pattern (or the count, for a list of names)
 * typed out, then shows each clone's deletion in its row and the tally here; Cancel stops the
 * deletions not yet sent.
 */
export function BatchDelete({ env, batch }: { env: string; batch: BatchView }) {
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
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
        <Alert tone="danger" title={`Power off and delete the ${left} clones of this batch?`}>
          <p>vCenter deletes each with its disks; this cannot be undone.</p>
          <form
            className="mt-3 flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (typed.trim() !== expected) return;
              mutation.mutate("delete", { onSuccess: () => setConfirming(false) });
              setTyped("");
            }}
          >
            <label className="space-y-1">
              <span className="block text-sm font-medium">
                Type <span className="font-mono">{expected}</span> to confirm
              </span>
              <Input
                className="w-64"
                autoComplete="off"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
            </label>
            <Button
              type="submit"
              variant="danger"
              disabled={typed.trim() !== expected || mutation.isPending}
            >
              Delete {left}
            </Button>
            <Button
              onClick={() => {
                setConfirming(false);
                setTyped("");
              }}
            >
              Keep them
            </Button>
          </form>
        </Alert>
      )}
    </section>
  );
}
