"use client";

import Link from "next/link";
import { useState } from "react";

import { ApiError } from "@/lib/api/api-error";
import type { BatchItemView } from "@/lib/schemas/batch-status";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { operationHref } from "@/components/environment/hrefs";
import { ErrorStack } from "@/components/error-stack/error-stack";

import { BatchDeletionCell, BatchGuestCell } from "./batch-guest-cell";
import type { BatchGuest } from "./batch-guests";
import { ItemStateBadge } from "./item-state-badge";

const columns = ["#", "Name", "State", "VM", "Guest", "Error"];

/** One row per clone: name, state, VM id when made, the error's headline with the stack on demand. */
export function BatchRows({
  env,
  items,
  guests,
}: {
  env: string;
  items: BatchItemView[];
  /** The made clones' guests, by item index (useBatchGuests). */
  guests: Map<number, BatchGuest>;
}) {
  return (
    <DataTable caption="The clones of this batch" columns={columns}>
      {items.map((item) => (
        <BatchRow key={item.index} env={env} item={item} guest={guests.get(item.index)} />
      ))}
    </DataTable>
  );
}

function BatchRow({
  env,
  item,
  guest,
}: {
  env: string;
  item: BatchItemView;
  /** Set for a made clone the page follows (not deleted). */
  guest?: BatchGuest;
}) {
  const [open, setOpen] = useState(false);
  return (
    <tr className="border-line bg-surface border-t align-top" data-clone={item.name}>
      <td className="text-fg-muted px-3 py-2">{item.index + 1}</td>
      <td className="px-3 py-2 font-mono whitespace-nowrap">
        {item.operation ? (
          <Link className="text-accent hover:underline" href={operationHref(env, item.operation)}>
            {item.name}
          </Link>
        ) : (
          item.name
        )}
      </td>
      <td className="px-3 py-2">
        <ItemStateBadge state={item.state} />
        {item.attempt > 1 && <span className="text-fg-muted ml-1 text-xs">try {item.attempt}</span>}
      </td>
      <td className="px-3 py-2 font-mono whitespace-nowrap">{item.vm ?? ""}</td>
      <td className="min-w-64 px-3 py-2" data-guest>
        {item.deletion && <BatchDeletionCell name={item.name} deletion={item.deletion} />}
        {guest && <BatchGuestCell env={env} name={item.name} row={guest} />}
      </td>
      <td className="px-3 py-2">
        {item.error && (
          <div className="space-y-2">
            <span>{item.error.message}</span>{" "}
            <Button size="sm" variant="ghost" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? "Hide details" : "Details"}
            </Button>
            {open && (
              <ErrorStack
                error={new ApiError(item.error)}
                title={`${item.name} failed`}
                env={env}
              />
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
