"use client";

import { useVm } from "@/lib/api/use-vm";
import type { BatchItemDeletion } from "@/lib/schemas/batch-deletion";
import { ApiError } from "@/lib/api/api-error";
import { KeptGuestStatus, ReadyLine, Waiting } from "@/components/after-clone/guest-status";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Spinner } from "@/components/ui/spinner";

import type { BatchClash, BatchGuest } from "./batch-guests";

/** "x-02", "x-02, x-03, x-04 and 6 more": the other clones of the batch with the same identity. */
function othersText(others: string[]): string {
  const shown = others.slice(0, 3).join(", ");
  return others.length > 3 ? `${shown} and ${others.length - 3} more` : shown;
}

const anotherClone = (others: string[]) =>
  others.length === 1
    ? `another clone of this batch (${others[0]})`
    : `${others.length} other clones of this batch (${othersText(others)})`;

/** A batch row's guest: the same states as a single clone's, with its clashes in plain words. */
export function BatchGuestCell({ env, name, row }: { env: string; name: string; row: BatchGuest }) {
  if (row.error)
    return <ErrorStack error={row.error} title={`The guest of ${name} could not be read`} />;
  const guest = row.guest;
  return (
    <div className="space-y-1">
      {guest?.clone ? (
        <KeptGuestStatus env={env} guest={guest.clone} showClash={false} />
      ) : guest?.ready ? (
        <ReadyLine host={guest.host_name} ip={guest.ip_address} />
      ) : (
        <Waiting />
      )}
      <ClashLines env={env} source={guest?.clone?.clash} batch={row.clash} />
    </div>
  );
}

function ClashLines({
  env,
  source,
  batch,
}: {
  env: string;
  source?: { source: string; ip_address?: string; host_name?: string };
  batch?: BatchClash;
}) {
  const sourceName = useVm(env, source?.source ?? "").data?.name ?? source?.source;
  const lines: string[] = [];
  if (source?.ip_address) lines.push(`Same IP as its source ${sourceName}: ${source.ip_address}`);
  if (source?.host_name)
    lines.push(`Same hostname as its source ${sourceName}: ${source.host_name}`);
  if (batch?.ip_address)
    lines.push(`Same IP as ${anotherClone(batch.ip_address.others)}: ${batch.ip_address.value}`);
  if (batch?.host_name)
    lines.push(
      `Same hostname as ${anotherClone(batch.host_name.others)}: ${batch.host_name.value}`,
    );
  if (lines.length === 0) return null;
  return (
    <ul className="text-warning list-disc pl-5 text-sm" data-clash>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

const deletionLabels: Record<BatchItemDeletion["state"], string> = {
  pending: "Powering off and deleting…",
  succeeded: "Deleted",
  failed: "Not deleted",
  unknown: "Whether it was deleted is not known yet: the console looks it up, never resends",
  refused: "Not deleted",
  cancelled: "Kept: the deletion was cancelled before it was sent",
};

/** A batch row's deletion, as the history records it. */
export function BatchDeletionCell({
  name,
  deletion,
}: {
  name: string;
  deletion: BatchItemDeletion;
}) {
  return (
    <div className="space-y-2">
      <p role="status" className="flex items-center gap-2 text-sm" data-deletion={deletion.state}>
        {deletion.state === "pending" && <Spinner />}
        <span className={deletion.state === "succeeded" ? "text-fg-muted" : ""}>
          {deletionLabels[deletion.state]}
        </span>
      </p>
      {deletion.error && (
        <ErrorStack error={new ApiError(deletion.error)} title={`${name} was not deleted`} />
      )}
    </div>
  );
}
