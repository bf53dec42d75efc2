"use client";

import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

import { useElapsedSeconds } from "./use-elapsed-seconds";

/** The one submit button: disabled while a clone is under way, with the time spent so far. */
export function SubmitBar({ pending, startedAt }: { pending: boolean; startedAt?: number }) {
  const seconds = useElapsedSeconds(startedAt, pending);
  return (
    <div className="flex flex-wrap items-center gap-3">
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
