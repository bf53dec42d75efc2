"use client";

import { useEffect, useState } from "react";

import { type BatchView, ITEM_STATES } from "@/lib/schemas/batch-status";

import { itemStateLabels } from "./item-state-badge";

const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));

// The clock moves on its own between the batch's refreshes.
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}

/** Progress bar, counts per state, elapsed time and an estimate from the pace so far. */
export function BatchProgress({ batch }: { batch: BatchView }) {
  const { counts, total } = batch;
  const open = counts.pending + counts.running;
  const now = useNow(open > 0);
  const started = Date.parse(batch.created_at);
  const elapsed = (batch.ended_at ? Date.parse(batch.ended_at) : now) - started;
  const finished = counts.succeeded + counts.failed + counts.unknown;
  const left = finished > 0 && open > 0 ? (elapsed / finished) * open : undefined;
  const ended = total - open;
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Clones finished"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={ended}
        aria-valuetext={`${ended} of ${total} finished`}
        className="bg-surface-muted h-3 w-full overflow-hidden rounded-full"
      >
        <div
          className="bg-accent h-full transition-[width]"
          style={{ width: `${total ? (ended / total) * 100 : 0}%` }}
        />
      </div>
      <ul aria-label="Counts" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {ITEM_STATES.map((state) => (
          <li key={state}>
            {itemStateLabels[state]}: <span data-count={state}>{counts[state]}</span>
          </li>
        ))}
      </ul>
      <p className="text-fg-muted text-sm">
        {ended} of {total} finished · {seconds(elapsed)} s elapsed
        {left !== undefined && ` · about ${seconds(left)} s left`}
      </p>
    </div>
  );
}
