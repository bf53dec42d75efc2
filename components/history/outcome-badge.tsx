import type { Operation } from "@/lib/schemas/operation";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<Operation["state"], BadgeTone> = {
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  pending: "info",
};

export const outcomeLabels: Record<Operation["state"], string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  unknown: "Outcome unknown",
  pending: "Under way",
};

/** What an outcome means, for the states whose badge alone does not say enough. */
export const outcomeNotes: Partial<Record<Operation["state"], string>> = {
  unknown: "vCenter's answer was lost; the console is looking the name up to find out.",
  pending: "Sent to vCenter; waiting for its answer.",
};

const settledLabels: Record<NonNullable<Operation["settled_by"]>, string> = {
  lookup: "settled by lookup",
  startup: "settled by lookup at start-up",
};

/** The outcome of a submission, and whether it was settled by looking the name up in vCenter. */
export function OutcomeBadge({
  operation,
}: {
  operation: Pick<Operation, "state" | "settled_by">;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={tones[operation.state]}>{outcomeLabels[operation.state]}</Badge>
      {operation.settled_by && <Badge tone="neutral">{settledLabels[operation.settled_by]}</Badge>}
    </span>
  );
}
