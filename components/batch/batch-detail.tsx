"use client";

import { batchPath, useBatch, useBatchAction } from "@/lib/api/use-batches";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorStack } from "@/components/error-stack/error-stack";

import { UsualFixes } from "@/components/after-clone/identity-clash";
import { Alert } from "@/components/ui/alert";

import { BatchDelete } from "./batch-delete";
import { type BatchGuest, useBatchGuests } from "./batch-guests";
import { BatchProgress } from "./batch-progress";
import { BatchRows } from "./batch-rows";

const stateLabels = { running: "Running", done: "Done", cancelled: "Cancelled" } as const;

/** The batch page: progress, Cancel, Retry failed, downloads, one row per clone. */
export function BatchDetail({ env, id }: { env: string; id: string }) {
  const query = useBatch(env, id);
  const action = useBatchAction(env, id);
  const guests = useBatchGuests(env, query.data?.items ?? []);
  if (query.isPending)
    return (
      <p role="status" className="text-fg-muted text-sm">
        Loading the batch…
      </p>
    );
  if (query.isError)
    return <ErrorStack error={query.error} title="The batch could not be read" env={env} />;
  const batch = query.data;
  const open = batch.counts.pending + batch.counts.running > 0;
  const retryable = !open && batch.counts.failed + batch.counts.unknown > 0;
  return (
    <div className="space-y-6">
      <Card
        title={`Batch of ${batch.total} · ${stateLabels[batch.state]}`}
        description={`Source ${batch.source} · up to ${batch.concurrency} at once · by ${batch.user}`}
        actions={
          <div className="flex flex-wrap gap-2">
            {batch.state === "running" && open && (
              <Button
                variant="danger"
                onClick={() => action.mutate("cancel")}
                disabled={action.isPending}
              >
                Cancel
              </Button>
            )}
            {retryable && (
              <Button onClick={() => action.mutate("retry")} disabled={action.isPending}>
                Retry failed
              </Button>
            )}
            <a className={buttonClass("link")} href={`${batchPath(env, id)}?format=csv`} download>
              Download CSV
            </a>
            <a
              className={buttonClass("link")}
              href={batchPath(env, id)}
              download={`batch-${id}.json`}
            >
              Download JSON
            </a>
          </div>
        }
      >
        <div className="space-y-4">
          <BatchProgress batch={batch} />
          <BatchDelete env={env} batch={batch} />
        </div>
      </Card>
      {action.isError && (
        <ErrorStack error={action.error} title="The batch could not be changed" env={env} />
      )}
      <ClashWarning guests={guests} />
      <BatchRows env={env} items={batch.items} guests={guests} />
    </div>
  );
}

/** One warning for the batch when clones answer with their source's or each other's identity. */
function ClashWarning({ guests }: { guests: Map<number, BatchGuest> }) {
  const clashing = [...guests.values()].filter((row) => row.clash || row.guest?.clone?.clash);
  if (clashing.length === 0) return null;
  return (
    <Alert
      tone="warning"
      role="alert"
      title={`${clashing.length} ${clashing.length === 1 ? "clone has" : "clones have"} the identity of their source or of another clone of this batch`}
    >
      <p>Each row below says which IP or hostname is shared, and with whom.</p>
      <UsualFixes />
    </Alert>
  );
}
