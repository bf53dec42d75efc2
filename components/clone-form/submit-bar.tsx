"use client";

import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

import { useElapsedSeconds } from "./use-elapsed-seconds";

/** The one submit button: disabled while a clone is under way, with the time spent so far. */
export function SubmitBar({ pending, startedAt }: { pending: boolean; startedAt?: number }) {
  const seconds = useElapsedSeconds(startedAt, pending);
  return (
    // Sticky, so the one button is in reach wherever the operator is in a long form.
    <div className="border-line bg-canvas/95 sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t px-4 py-3 backdrop-blur">
      <Button type="submit" variant="primary" disabled={pending} aria-describedby="submit-status">
        {pending && <Spinner />}
        Instant clone
      </Button>
      <p id="submit-status" role="status" className="text-fg-muted text-sm">
        {pending
          ? `Waiting for vCenter… ${seconds} s`
          : "One click sends one request; instant clone is never retried automatically."}
      </p>
    </div>
  );
}
